// The flow diagram, drawn on the server by Graphviz, shown as it is: no layout work in the browser.
// data: {drawings: {wide, portrait}, widths: {wide, portrait}, choice: auto|wide|portrait, fit,
//        steps: {node name: [step id, step title]}, selected, label, version}
// A click on a step (or Enter / Space on a focused step) sends its id back as the `step` trigger.
export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
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
