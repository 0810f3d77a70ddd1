// Highlights the code samples of a page (Java, Python and SQL blocks marked with a
// language-* class). highlight.js only adds spans with classes, which the CSP allows.
document.addEventListener('DOMContentLoaded', () => {
  if (window.hljs) {
    document.querySelectorAll('pre.code code[class*="language-"]').forEach((block) => window.hljs.highlightElement(block));
  }
});
