// Browser helpers of the desk dashboard, called from Blazor components.
// No eval and no inline script: the Content-Security-Policy forbids both.
window.sutwebDashboard = (() => {
    const themeKey = "sutweb.theme";

    // localStorage may be unavailable (private windows, storage disabled): the choice then lasts for the page only.
    const getThemeMode = () => {
        try {
            return window.localStorage.getItem(themeKey);
        } catch {
            return null;
        }
    };

    const setThemeMode = (mode) => {
        try {
            window.localStorage.setItem(themeKey, mode);
        } catch {
            // Not remembered; still applied.
        }
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

    return { getThemeMode, setThemeMode, copyText };
})();
