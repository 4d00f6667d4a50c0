// Starts Blazor (the blazor.web.js tag has autostart="false") with a reconnection policy for screens nobody touches:
// retry for ever with back-off capped at a few seconds, and reload the page once the server answers but no longer
// knows this circuit (it restarted). A reload only happens when the server answers, so the page never lands on a
// browser error page that has no script left to recover. No inline script and no eval: the CSP forbids both.
(() => {
    "use strict";

    // The element ReconnectBanner.razor renders; Blazor sets its components-reconnect-* classes.
    const bannerId = "sutweb-reconnect";
    // The longest wait between two tries. A wall whose server was down for hours is live again this soon after.
    const retryCapMs = 5000;
    // A circuit that has not opened this long after start (the server went away in between) is given up for a reload.
    const startTimeoutMs = 30000;
    // How often to look for the "unhandled error" bar on pages that ask to reload by themselves (the wall).
    const errorCheckMs = 5000;
    // A server that accepts a connection but never answers must not hold the reload for ever.
    const probeTimeoutMs = 10000;

    /** Wait before reconnection try n (from 0): at once, then 1, 2, 4 s, then every 5 s for ever. */
    function retryDelay(previousAttempts) {
        return previousAttempts === 0 ? 0 : Math.min(1000 * 2 ** (previousAttempts - 1), retryCapMs);
    }

    const root = document.documentElement;
    const delay = ms => new Promise(resolve => setTimeout(resolve, ms));

    /** Marks the page offline (styles dim stale content) and says what the connection is doing, for styles and tests. */
    function setConnection(state) {
        root.dataset.sutwebConnection = state;
        root.classList.toggle("sutweb-offline", state !== "up");
    }

    let reloading = false;

    /** Reloads once the page answers again; until then keeps asking, with the same capped back-off. */
    async function reloadWhenReachable(firstWaitMs = 0) {
        if (reloading) {
            return;
        }
        reloading = true;
        document.getElementById(bannerId)?.classList.add("sutweb-reloading");
        setConnection("reloading");
        await delay(firstWaitMs);
        for (let attempt = 1; ; attempt++) {
            if (await answers(location.href)) {
                location.reload();
                return;
            }
            await delay(retryDelay(attempt));
        }
    }

    /** Whether the server answers this page with success, within probeTimeoutMs. */
    async function answers(url) {
        const abort = new AbortController();
        const timer = setTimeout(() => abort.abort(), probeTimeoutMs);
        try {
            const response = await fetch(url, { cache: "no-store", credentials: "same-origin", signal: abort.signal });
            if (!response.ok) {
                console.warn(`SutWeb: the page answered ${response.status}; reloading once it answers`);
            }
            return response.ok;
        } catch (error) {
            // Not reachable yet, or too slow. Said in the console, so a screen that never comes back can be diagnosed.
            console.warn(`SutWeb: the page did not answer (${error?.name ?? error}); reloading once it answers`);
            return false;
        } finally {
            clearTimeout(timer);
        }
    }

    /** A paused circuit (Blazor.pauseCircuit) resumes by itself: nobody is there to press a button. */
    async function resume() {
        try {
            if (await Blazor.resumeCircuit()) {
                return;
            }
        } catch {
            // Fall through to a reload.
        }
        await reloadWhenReachable();
    }

    function onReconnectStateChanged(event) {
        switch (event.detail?.state) {
            case "show":
            case "retrying":
                setConnection("reconnecting");
                break;
            case "hide":
                setConnection("up");
                break;
            case "paused":
                setConnection("paused");
                resume();
                break;
            case "rejected": // the server answered but has no such circuit: it restarted
            case "failed": // out of retries (not with these options) or the connection cannot be rebuilt
            case "resume-failed":
                reloadWhenReachable();
                break;
        }
    }

    /** Pages nobody touches (the wall's layout) mark their error bar so; they also recover from what needs a reload. */
    function reloadsByItself() {
        return document.getElementById("blazor-error-ui")?.dataset.autoReload === "true";
    }

    /** After an unhandled error the circuit is gone for good and blazor.web.js only shows its error bar. */
    function watchForFatalErrors() {
        setInterval(() => {
            const errorUi = document.getElementById("blazor-error-ui");
            if (reloadsByItself() && getComputedStyle(errorUi).display !== "none" && !reloading) {
                // A short wait first, so that a page that fails on every load does not reload in a tight loop.
                console.warn("SutWeb: the page stopped on an unhandled error; reloading in 10 s");
                reloadWhenReachable(10000);
            }
        }, errorCheckMs);
    }

    document.getElementById(bannerId)?.addEventListener("components-reconnect-state-changed", onReconnectStateChanged);
    let opened = false;
    Blazor.start({
        circuit: {
            reconnectionOptions: {
                maxRetries: Number.POSITIVE_INFINITY,
                retryIntervalMilliseconds: retryDelay,
                dialogId: bannerId,
            },
            circuitHandlers: [{
                onCircuitOpened: () => {
                    opened = true;
                    setConnection("up");
                },
                onCircuitClosed: () => setConnection("closed"),
            }],
        },
    });
    setTimeout(() => {
        if (!opened && reloadsByItself()) {
            reloadWhenReachable();
        }
    }, startTimeoutMs);
    watchForFatalErrors();
})();
