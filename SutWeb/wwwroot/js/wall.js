// Browser helpers of the wall screen (no eval, no inline script: the Content-Security-Policy forbids both).
window.sutwebWall = {
    // The screen's shape, so that cols=auto fits the tiles to it (a portrait screen gets fewer, wider columns).
    aspect: () => window.innerWidth / Math.max(1, window.innerHeight),
};
