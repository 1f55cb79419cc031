/**
 * Run in the page (`page.evaluate(PAGE_PROBLEMS)`): what a reader with a screen reader, a
 * keyboard or a phone would trip on — quirks mode, `lang`, one `h1`, one `main`, a label for every
 * field, text on every button, no sideways scrolling of the page. Returns the problems
 * found (none: `[]`). A string, so the bundler cannot rewrite it before it reaches the page.
 */
export const PAGE_PROBLEMS = `(() => {
  const problems = [];
  const doc = document.documentElement;
  if (document.compatMode !== 'CSS1Compat') problems.push('quirks mode: the page has no doctype');
  if (!doc.lang) problems.push('<html> has no lang');
  const h1 = document.querySelectorAll('h1').length;
  if (h1 !== 1) problems.push(h1 + ' h1 elements');
  if (document.querySelectorAll('main').length !== 1) problems.push('not exactly one <main>');
  for (const field of document.querySelectorAll('input:not([type="hidden"]), select, textarea')) {
    const labelled = (field.id && document.querySelector('label[for="' + CSS.escape(field.id) + '"]'))
      || field.closest('label') || field.getAttribute('aria-label') || field.getAttribute('aria-labelledby');
    if (!labelled) problems.push('no label: ' + field.outerHTML.slice(0, 100));
  }
  for (const button of document.querySelectorAll('button')) {
    if (!button.textContent.trim() && !button.getAttribute('aria-label')) problems.push('button without text: ' + button.outerHTML.slice(0, 100));
  }
  window.scrollTo(10000, window.scrollY);
  if (window.scrollX > 0 || doc.scrollWidth > doc.clientWidth) problems.push('the page scrolls sideways: ' + doc.scrollWidth + ' > ' + doc.clientWidth);
  window.scrollTo(0, window.scrollY);
  return problems;
})()`;
