// Highlights the code samples of a page (Java, Python and SQL blocks marked with a
// language-* class). highlight.js only adds spans with classes, which the CSP allows.
//
// Then each source line becomes a block of its own, told its indentation (a CSS variable,
// set through the CSSOM, which the CSP allows too): a line too long for its box wraps at a
// space and its continuation hangs a few characters deeper than the line itself, so it
// never reads as a line of its own. Without this script the blocks still wrap at spaces.
(() => {
  const TAB = 4;

  function indentOf(text) {
    let width = 0;
    for (const ch of text) {
      if (ch === ' ') {
        width += 1;
      } else if (ch === '\t') {
        width += TAB - (width % TAB);
      } else {
        break;
      }
    }
    return width;
  }

  // Splits the (highlighted) content at each newline. A span that crosses a line, such as
  // a text block or a comment, is closed at the end of the line and opened again on the next.
  function splitLines(code) {
    const lines = [];
    let line = document.createElement('span');
    let open = [];
    const deepest = () => (open.length ? open[open.length - 1] : line);
    const walk = (node) => {
      for (const child of Array.from(node.childNodes)) {
        if (child.nodeType === Node.TEXT_NODE) {
          child.data.split('\n').forEach((part, i) => {
            if (i > 0) {
              lines.push(line);
              line = document.createElement('span');
              let parent = line;
              open = open.map((element) => {
                const again = element.cloneNode(false);
                parent.appendChild(again);
                parent = again;
                return again;
              });
            }
            if (part) {
              deepest().appendChild(document.createTextNode(part));
            }
          });
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          const copy = child.cloneNode(false);
          deepest().appendChild(copy);
          open.push(copy);
          walk(child);
          open.pop();
        }
      }
    };
    walk(code);
    if (line.textContent !== '') {
      lines.push(line);
    }
    lines.forEach((each) => {
      each.className = 'line';
      each.style.setProperty('--indent', indentOf(each.textContent));
    });
    code.replaceChildren(...lines);
  }

  document.addEventListener('DOMContentLoaded', () => {
    if (window.hljs) {
      document.querySelectorAll('pre.code code[class*="language-"]').forEach((block) => window.hljs.highlightElement(block));
    }
    document.querySelectorAll('pre.code > code').forEach(splitLines);
  });
})();
