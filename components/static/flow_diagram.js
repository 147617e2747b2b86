// The flow diagram, drawn on the server by Graphviz, shown as it is: no layout work in the browser.
// data: bytes — a 4-byte big-endian length, the view as JSON {choice: auto|wide|portrait, fit, selected,
// label, version, layouts, hint}, then the drawings deflated (zlib) as JSON {drawings: {wide, portrait},
// widths: {wide, portrait}, steps: {node name: [step id, title]}}. The server encodes and compresses the
// large SVGs once per drawing (not on every rerun), and a view switch carries a tenth of the bytes.
// A click on a step (or Enter / Space on a focused step) sends its id back as the `step` trigger.
const decoder = new TextDecoder();
const inflated = new Map(); // version|layouts -> the drawings, so a click or a rerun inflates nothing
const KEPT = 8;
let latest = 0;

async function inflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
  return JSON.parse(await new Response(stream).text());
}

async function unpack(bytes) {
  const length = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
  const view = JSON.parse(decoder.decode(bytes.subarray(4, 4 + length)));
  const id = `${view.version}|${view.layouts.join(",")}`;
  if (!inflated.has(id)) {
    inflated.set(id, await inflate(bytes.subarray(4 + length)));
    while (inflated.size > KEPT) inflated.delete(inflated.keys().next().value);
  }
  return { ...inflated.get(id), ...view };
}

export default function (component) {
  const turn = ++latest;
  unpack(component.data).then((data) => {
    if (turn === latest) draw(component, data); // a newer run's data came meanwhile: that one draws
  });
}

function draw(component, data) {
  const { parentElement, setTriggerValue } = component;
  let root = parentElement.querySelector(".polku-flow");
  if (!root) {
    root = document.createElement("div");
    root.className = "polku-flow";
    parentElement.appendChild(root);
  }
  showHint(parentElement, root, data.hint);
  const available = root.clientWidth || parentElement.clientWidth || window.innerWidth;
  let layout = data.choice;
  if (layout !== "wide" && layout !== "portrait") {
    layout = data.drawings.wide && (data.widths.wide <= available || available >= 900) ? "wide" : "portrait";
  }
  if (!data.drawings[layout]) layout = data.drawings.wide ? "wide" : "portrait";
  const version = `${data.version}|${layout}|${data.fit}`;
  // The steps' listeners find the component's current trigger here, so a kept drawing works in a new mount.
  root.polkuChoose = (step) => setTriggerValue("step", step);
  if (root.dataset.version !== version) {
    root.replaceChildren(drawing(root, data, layout, version));
    root.dataset.version = version;
    root.dataset.layout = layout;
    root.classList.toggle("polku-fit", Boolean(data.fit));
    label(root, data);
  }
  mark(root, data.selected);
}

function drawing(root, data, layout, version) {
  // Each picture keeps its last drawings, wired, so switching back and forth parses and wires nothing.
  root.polkuDrawn = root.polkuDrawn || new Map();
  let svg = root.polkuDrawn.get(version);
  if (!svg) {
    const holder = document.createElement("div");
    holder.innerHTML = data.drawings[layout];
    svg = holder.firstElementChild || holder;
    wire(svg, data, layout);
    root.polkuDrawn.set(version, svg);
    while (root.polkuDrawn.size > KEPT) root.polkuDrawn.delete(root.polkuDrawn.keys().next().value);
  }
  return svg;
}

function label(root, data) {
  if (Object.keys(data.steps).length > 0) {
    ["tabindex", "role", "aria-label"].forEach((name) => root.removeAttribute(name));
    return;
  }
  // Nothing inside to Tab to: the box itself takes the focus, so the keyboard can scroll a wide picture.
  root.setAttribute("tabindex", "0");
  root.setAttribute("role", "region");
  root.setAttribute("aria-label", data.label);
}

function showHint(parentElement, root, hint) {
  // The line over the picture ("choose a step…"), as text: it is the page's own words, never markup.
  let line = parentElement.querySelector(".polku-flow-hint");
  if (!hint) {
    if (line) line.remove();
    return;
  }
  if (!line) {
    line = document.createElement("p");
    line.className = "polku-flow-hint";
    parentElement.insertBefore(line, root);
  }
  if (line.textContent !== hint) line.textContent = hint;
}

function wire(svg, data, layout) {
  if (svg.tagName.toLowerCase() !== "svg") return;
  const width = data.widths[layout];
  svg.setAttribute("role", Object.keys(data.steps).length > 0 ? "group" : "img");
  svg.setAttribute("aria-label", data.label);
  svg.removeAttribute("height");
  svg.setAttribute("width", `${width}px`);
  svg.style.height = "auto";
  svg.style.width = data.fit ? "100%" : `${width}px`;
  svg.style.maxWidth = data.fit ? "100%" : "none";
  for (const node of svg.querySelectorAll("g.node")) {
    const step = data.steps[(node.id || "").replace(/^polku-/, "")];
    if (!step) {
      node.setAttribute("aria-hidden", "true");
      continue;
    }
    node.dataset.step = step[0];
    node.setAttribute("tabindex", "0");
    node.setAttribute("role", "button");
    // The name is everything the box shows (title, marks in words), so it holds the visible text (WCAG 2.5.3).
    const shown = [...node.querySelectorAll("text")].map((text) => text.textContent.trim()).filter(Boolean);
    node.setAttribute("aria-label", shown.join(" ") || step[1]);
    for (const text of node.querySelectorAll("text")) text.setAttribute("aria-hidden", "true");
    const choose = () => {
      const current = node.closest(".polku-flow");
      if (!current) return;
      mark(current, step[0]);
      current.polkuChoose(step[0]);
    };
    node.addEventListener("click", choose);
    node.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        choose();
      }
    });
  }
}

function mark(root, selected) {
  for (const node of root.querySelectorAll("g.node[data-step]")) {
    const on = node.dataset.step === selected;
    node.classList.toggle("polku-selected", on);
    node.setAttribute("aria-pressed", on ? "true" : "false");
  }
}
