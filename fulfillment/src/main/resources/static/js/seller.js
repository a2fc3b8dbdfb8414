// Seller pages: a button that copies the order's tracking link. Without JavaScript the button stays
// hidden and the link is still there to select or open.
document.querySelectorAll('[data-copy]').forEach(function (button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    if (!field) {
        return;
    }
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener('click', function () {
        var done = function () {
            button.textContent = button.getAttribute('data-copied') || label;
            setTimeout(function () { button.textContent = label; }, 2000);
        };
        var fallback = function () {
            field.select();
            if (document.execCommand('copy')) {
                done();
            }
        };
        // the clipboard API needs https (or localhost); elsewhere select and copy the old way
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(field.value).then(done, fallback);
        } else {
            fallback();
        }
    });
});
