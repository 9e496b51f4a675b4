// The app's own script (the Content-Security-Policy allows only scripts served by the app).
(function () {
    "use strict";

    // Moves focus to an action's result (a message, a new heading) once it is on the page, so that a keyboard or
    // screen-reader user is not left on <body> after the button they pressed re-rendered or went away. The first of
    // the given ids that is on the page wins; the result may arrive just after this call, so it is looked for on the
    // next frames, for about two seconds.
    function focusResult(ids) {
        var tries = 0;
        function attempt() {
            for (var i = 0; i < ids.length; i++) {
                var element = document.getElementById(ids[i]);
                if (element) {
                    if (!element.hasAttribute("tabindex")) {
                        element.setAttribute("tabindex", "-1");
                    }
                    element.focus();
                    element.scrollIntoView({ block: "nearest" });
                    return;
                }
            }
            if (++tries < 120) {
                requestAnimationFrame(attempt);
            }
        }
        requestAnimationFrame(attempt);
    }

    // The account menu is a <details>: Escape closes it and returns focus to its button, a click elsewhere closes it.
    document.addEventListener("keydown", function (e) {
        if (e.key !== "Escape") {
            return;
        }
        document.querySelectorAll("details.account-menu[open]").forEach(function (menu) {
            menu.open = false;
            menu.querySelector("summary").focus();
        });
    });
    document.addEventListener("click", function (e) {
        document.querySelectorAll("details.account-menu[open]").forEach(function (menu) {
            if (!menu.contains(e.target)) {
                menu.open = false;
            }
        });
    });

    // The calendar address's copy button (Notifications): the clipboard, where the browser allows it.
    function copyText(text) {
        return navigator.clipboard.writeText(text);
    }

    window.kreminna = { focusResult: focusResult, copyText: copyText };
})();
