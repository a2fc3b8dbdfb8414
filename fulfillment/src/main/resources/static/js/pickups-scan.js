// Pickups: a form is sent once however often it is tapped, and a label can be scanned with the
// phone's camera where the browser has BarcodeDetector: the code goes into the field named by the
// button's data-scan-target. Without it the buttons stay hidden and couriers type or use a hardware
// scanner, so the forms work the same either way.
(function () {
    'use strict';
    // a second tap while the first is on its way would only be answered "already recorded"
    document.querySelectorAll('main form[method=post]').forEach(function (form) {
        form.addEventListener('submit', function () {
            setTimeout(function () {
                Array.prototype.forEach.call(form.elements, function (el) {
                    if (el.type === 'submit') {
                        el.disabled = true;
                    }
                });
            }, 0);
        });
    });
    if (!('BarcodeDetector' in window) || !navigator.mediaDevices) {
        return;
    }
    var detector;
    try {
        detector = new window.BarcodeDetector({formats: ['qr_code', 'code_128', 'code_39', 'ean_13']});
    } catch (e) {
        return;
    }
    document.querySelectorAll('[data-scan-target]').forEach(function (button) {
        var field = document.getElementById(button.getAttribute('data-scan-target'));
        if (!field) {
            return;
        }
        button.hidden = false;
        var label = button.textContent;
        var video = null;
        var stream = null;

        function stop() {
            if (stream) {
                stream.getTracks().forEach(function (t) { t.stop(); });
            }
            if (video) {
                video.remove();
            }
            stream = null;
            video = null;
            button.textContent = label;
        }

        function put(code) {
            if (field.tagName === 'TEXTAREA') {
                var lines = field.value.split(/\s+/).filter(Boolean);
                if (lines.indexOf(code) < 0) {
                    field.value = lines.concat([code]).join('\n');
                }
            } else {
                field.value = code;
                stop();
            }
            field.dispatchEvent(new Event('change'));
        }

        function look() {
            if (!video) {
                return;
            }
            detector.detect(video).then(function (found) {
                if (found.length > 0) {
                    put(found[0].rawValue.trim().toUpperCase());
                }
            }).catch(function () { /* a frame that could not be read: try the next */ })
                .then(function () { setTimeout(look, 300); });
        }

        button.addEventListener('click', function () {
            if (stream) {
                stop();
                return;
            }
            navigator.mediaDevices.getUserMedia({video: {facingMode: 'environment'}, audio: false}).then(function (s) {
                stream = s;
                video = document.createElement('video');
                video.className = 'scanner';
                video.setAttribute('playsinline', '');
                video.muted = true;
                video.srcObject = s;
                button.parentNode.insertBefore(video, button.nextSibling);
                button.textContent = '✕';
                video.play().then(look);
            }).catch(function () {
                button.hidden = true;
            });
        });
    });
})();
