// Clicks and keys on the steps of the flow diagrams that the server finished and st.markdown shows
// (components/flow_diagram.py, paths/render/page_svg.py). One listener on the page serves every picture and
// every redraw: the component is mounted once and its data never changes, so a view switch runs no script.
// A click on a step, or Enter / Space on a focused step, marks it chosen at once and sends its id back as
// the `step` trigger; the page keeps it in the URL (`?step=`).
const STEP = ".polku-flow-frame g.node[data-step]";

function choose(node, setTriggerValue) {
  const frame = node.closest(".polku-flow-frame");
  for (const other of frame.querySelectorAll("g.node[data-step]")) {
    const on = other.dataset.step === node.dataset.step;
    other.classList.toggle("polku-selected", on);
    other.setAttribute("aria-pressed", on ? "true" : "false");
  }
  setTriggerValue("step", node.dataset.step);
}

export default function (component) {
  const { parentElement, setTriggerValue } = component;
  const page = parentElement.ownerDocument;
  const onClick = (event) => {
    const node = event.target.closest && event.target.closest(STEP);
    if (node) choose(node, setTriggerValue);
  };
  const onKey = (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    const node = event.target.closest && event.target.closest(STEP);
    if (!node) return;
    event.preventDefault();
    choose(node, setTriggerValue);
  };
  page.addEventListener("click", onClick);
  page.addEventListener("keydown", onKey);
  page.documentElement.dataset.polkuSteps = "listening"; // tests wait for it before they click or press
  return () => {
    page.removeEventListener("click", onClick);
    page.removeEventListener("keydown", onKey);
    delete page.documentElement.dataset.polkuSteps;
  };
}
