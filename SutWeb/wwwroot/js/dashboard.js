// Browser helpers of SutWeb's pages (the desk dashboard and the wall), called from Blazor components.
// No eval and no inline script: the Content-Security-Policy forbids both.
window.sutwebDashboard = (() => {
    // The theme is kept in a cookie, which the server reads to paint the first frame in the right colours.
    const rememberTheme = (name, value) => {
        const secure = window.location.protocol === "https:" ? "; secure" : "";
        document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=lax${secure}`;
    };

    // The async clipboard API needs a secure context (https or localhost); plain http on a LAN falls back to a
    // hidden text area and the older copy command.
    const copyText = async (text) => {
        if (navigator.clipboard && window.isSecureContext) {
            await navigator.clipboard.writeText(text);
            return true;
        }
        const area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.appendChild(area);
        area.select();
        try {
            return document.execCommand("copy");
        } finally {
            area.remove();
        }
    };

    // The viewer's time zone, so that times show in it rather than in the server's.
    const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

    return { rememberTheme, copyText, timeZone };
})();
