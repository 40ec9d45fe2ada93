// uPlot builds Intl.NumberFormat(navigator.language) as its module loads. A browser whose language is no
// valid tag (WebKitGTK started under LANG=C reports "C") would stop the whole console there, so such a
// language reads as en-US for this page. Imported first by main.ts, before anything that imports uPlot.
try {
  new Intl.NumberFormat(navigator.language);
} catch {
  Object.defineProperty(navigator, 'language', { value: 'en-US', configurable: true });
}
