// Paints a repeat visit's kept screen as the page is parsed: see src/db/screen-snapshots.ts.
(function () {
  try {
    var main = document.querySelector('#root main');
    var entry = document.querySelector('script[type="module"][src]');
    if (!main || !entry || main.querySelector('[data-preview]')) return;
    var path = window.location.pathname;
    var stored = JSON.parse(window.localStorage.getItem('ecran:' + path) || 'null');
    if (!stored || stored.build !== entry.src || typeof stored.html !== 'string') return;
    var snapshot = document.createElement('div');
    snapshot.dataset.snapshot = path;
    snapshot.inert = true;
    snapshot.setAttribute('aria-busy', 'true');
    snapshot.setAttribute('aria-hidden', 'true');
    snapshot.innerHTML = stored.html;
    main.replaceChildren(snapshot);
  } catch {
    // storage refused: the app shows the screen itself
  }
})();
