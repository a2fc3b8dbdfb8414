// The hub page's e-waybill list: one box ticks every order, and voiding a waybill asks first.
(function () {
    'use strict';
    var all = document.getElementById('ewaybill-all');
    if (all) {
        all.addEventListener('change', function () {
            document.querySelectorAll('.ewaybill-choice').forEach(function (box) { box.checked = all.checked; });
        });
    }
    document.querySelectorAll('button[data-confirm]').forEach(function (button) {
        button.addEventListener('click', function (event) {
            if (!window.confirm(button.getAttribute('data-confirm'))) {
                event.preventDefault();
            }
        });
    });
})();
