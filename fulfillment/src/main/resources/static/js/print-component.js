// The hub's labels through the platform's own print component, the program the hub's PC runs (Douyin's on
// ws://127.0.0.1:13888, Kuaishou's on ws://localhost:16888/ks/printer, WeChat Channels' on ws://127.0.0.1:12705;
// the demo's sandbox stands in for them on the service). A button names the platform, the component's address and
// the labels' print data as the platform returned them with the e-waybill:
//   data-print-component="DOUYIN|KUAISHOU|WECHAT" data-print-url="ws://..." (or a path on this service)
//   data-print-documents='[...]'  Douyin, Kuaishou: [{documentID, contents: [...]}]; WeChat: [{taskID, printInfo}]
//   data-print-status="id of the element that says how it went"
// The button's data-text-* attributes hold the words, so the page's language is kept.
(function () {
    'use strict';

    var BATCH = 10; // Kuaishou's component takes at most ten documents a task; the others are sent the same way

    function uuid() {
        if (window.crypto && window.crypto.randomUUID) {
            return window.crypto.randomUUID();
        }
        return 'jiyun-' + Date.now() + '-' + Math.floor(Math.random() * 1e9);
    }

    function address(url) {
        if (url.indexOf('ws://') === 0 || url.indexOf('wss://') === 0) {
            return url;
        }
        return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + url;
    }

    function words(button, name, value) {
        return (button.getAttribute('data-text-' + name) || name).replace('{0}', value);
    }

    // One conversation with a component: send a request, wait for the answers with its requestID.
    function Conversation(url, onFailure) {
        var waiting = {};
        var queue = [];
        var socket = new WebSocket(url);
        socket.onopen = function () {
            queue.forEach(function (text) { socket.send(text); });
            queue = [];
        };
        socket.onerror = function () { onFailure(null); };
        socket.onmessage = function (event) {
            var answer;
            try {
                answer = JSON.parse(event.data);
            } catch (e) {
                return;
            }
            var handler = waiting[answer.requestID];
            if (handler) {
                handler(answer);
            }
        };
        this.ask = function (request, handler) {
            waiting[request.requestID] = handler;
            var text = JSON.stringify(request);
            if (socket.readyState === WebSocket.OPEN) {
                socket.send(text);
            } else {
                queue.push(text);
            }
        };
        this.close = function () { socket.close(); };
    }

    // Douyin's and Kuaishou's components: the Cainiao-style cmd protocol, printed when notifyPrintResult says so.
    function printCainiaoStyle(conversation, documents, done, failed) {
        conversation.ask({cmd: 'getPrinters', requestID: uuid(), version: '1.0'}, function (printers) {
            if (printers.status === 'failed') {
                failed(printers.msg);
                return;
            }
            var printer = printers.defaultPrinter || (printers.printers && printers.printers[0]
                && printers.printers[0].name) || '';
            var batches = [];
            for (var i = 0; i < documents.length; i += BATCH) {
                batches.push(documents.slice(i, i + BATCH));
            }
            var printed = 0;
            var next = function () {
                if (batches.length === 0) {
                    done(printed);
                    return;
                }
                var batch = batches.shift();
                var request = {cmd: 'print', requestID: uuid(), version: '1.0',
                    task: {taskID: uuid(), printer: printer, preview: false, documents: batch}};
                conversation.ask(request, function (answer) {
                    if (answer.status === 'failed') {
                        failed(answer.msg);
                    } else if (answer.cmd === 'notifyPrintResult') {
                        printed += batch.length;
                        next();
                    }
                });
            };
            next();
        });
    }

    // WeChat Channels' component: command protocol version 2.0, one task per label.
    function printWechat(conversation, documents, done, failed) {
        conversation.ask({command: 'getPrinterList', requestID: uuid()}, function (printers) {
            var list = printers.printerList || [];
            if (printers.status === 'failed' || list.length === 0) {
                failed(printers.msg || 'no printer');
                return;
            }
            var tasks = documents.map(function (d, i) {
                return {taskID: d.taskID, printInfo: d.printInfo, printNum: {curNum: i + 1, sumNum: documents.length}};
            });
            conversation.ask({command: 'print', version: '2.0', requestID: uuid(), printer: list[0].name,
                taskList: tasks}, function (answer) {
                if (answer.status === 'failed') {
                    failed(answer.msg);
                    return;
                }
                var refused = (answer.taskList || []).filter(function (t) { return !t.success; });
                if (refused.length > 0) {
                    failed(refused.map(function (t) { return t.taskID + ': ' + t.failureReason; }).join('; '));
                } else {
                    done(tasks.length);
                }
            });
        });
    }

    document.querySelectorAll('[data-print-component]').forEach(function (button) {
        var status = document.getElementById(button.getAttribute('data-print-status'));
        var say = function (text, result) {
            if (status) {
                status.textContent = text;
                status.setAttribute('data-print-result', result);
            }
        };
        button.hidden = false;
        button.addEventListener('click', function () {
            var documents = JSON.parse(button.getAttribute('data-print-documents') || '[]');
            if (documents.length === 0) {
                return;
            }
            var platform = button.getAttribute('data-print-component');
            var finished = false;
            var conversation;
            var done = function (count) {
                finished = true;
                conversation.close();
                say(words(button, 'printed', count), 'printed');
            };
            var failed = function (reason) {
                if (finished) {
                    return;
                }
                finished = true;
                conversation.close();
                say(reason === null ? words(button, 'unreachable', platform)
                    : words(button, 'failed', reason), 'failed');
            };
            say(words(button, 'printing', documents.length), 'printing');
            conversation = new Conversation(address(button.getAttribute('data-print-url')), failed);
            (platform === 'WECHAT' ? printWechat : printCainiaoStyle)(conversation, documents, done, failed);
        });
    });
})();
