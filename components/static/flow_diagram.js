// The flow diagram, drawn on the server by Graphviz, shown as it is: no layout work in the browser.
// data: bytes — a 4-byte big-endian length, the view as JSON {choice: auto|wide|portrait, fit, selected,
// label, version, layouts}, then the drawings deflated (zlib) as JSON {drawings: {wide, portrait},
// widths: {wide, portrait}, steps: {node name: [step id, title]}}. The server encodes and compresses the
// large SVGs once per drawing (not on every rerun), and a view switch carries a tenth of the bytes.
// A click on a step (or Enter / Space on a focused step) sends its id back as the `step` trigger.
const decoder = new TextDecoder();
const inflated = new Map(); // version|layouts -> the drawings, so a click or a rerun inflates nothing
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
    while (inflated.size > 8) inflated.delete(inflated.keys().next().value);
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
  const available = root.clientWidth || parentElement.clientWidth || window.innerWidth;
  let layout = data.choice;
  if (layout !== "wide" && layout !== "portrait") {
    layout = data.drawings.wide && (data.widths.wide <= available || available >= 900) ? "wide" : "portrait";
  }
  if (!data.drawings[layout]) layout = data.drawings.wide ? "wide" : "portrait";
  const version = `${data.version}|${layout}|${data.fit}`;
  if (root.dataset.version !== version) {
    root.innerHTML = data.drawings[layout];
    root.dataset.version = version;
    root.dataset.layout = layout;
    wire(root, data, layout, setTriggerValue);
  }
  mark(root, data.selected);
}

function wire(root, data, layout, setTriggerValue) {
  const svg = root.querySelector("svg");
  if (!svg) return;
  const width = data.widths[layout];
  const clickable = Object.keys(data.steps).length > 0;
  svg.setAttribute("role", clickable ? "group" : "img");
  if (!clickable) {
    // Nothing inside to Tab to: the box itself takes the focus, so the keyboard can scroll a wide picture.
    root.setAttribute("tabindex", "0");
    root.setAttribute("role", "region");
    root.setAttribute("aria-label", data.label);
  }
  svg.setAttribute("aria-label", data.label);
  svg.removeAttribute("height");
  svg.setAttribute("width", `${width}px`);
  svg.style.height = "auto";
  svg.style.width = data.fit ? "100%" : `${width}px`;
  svg.style.maxWidth = data.fit ? "100%" : "none";
  root.classList.toggle("polku-fit", Boolean(data.fit));
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
      mark(root, step[0]);
      setTriggerValue("step", step[0]);
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
