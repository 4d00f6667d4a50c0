// Small browser helpers called from Blazor components (no eval: the Content-Security-Policy forbids it).
window.sutweb = {
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
};
