// Clicks and keys on the steps of the flow diagrams that the server finished and st.markdown shows
// (components/flow_diagram.py, paths/render/page_svg.py). One listener on the page serves every picture and
// every redraw: the component is mounted once and its data never changes, so Streamlit never runs it again.
// A click on a step, or Enter / Space on a focused step, marks it chosen at once and sends its id back as
// the `step` trigger; the page keeps it in the URL (`?step=`).
//
// The quick switch: a picture whose frame names its switch (data-switch, data-picture, data-options; see
// flow_diagram.QuickSwitch) is kept here, as a copy, when one of the switch's options is chosen (a click,
// or Enter / Space on the option). When the option leads to a picture kept before, its copy goes in place at
// once, in this component's own element under the picture, and the picture Streamlit drew is hidden; as
// soon as Streamlit has drawn a new picture (the server's run for the choice), the copy goes and Streamlit's
// drawing is shown again. Should no new picture come (a run that fails), the page is given back once the
// app is idle, at the latest GRACE after the choice.
const STEP = ".polku-flow-frame g.node[data-step]";
const LIVE = ".polku-flow-frame[data-switch]";
const OPTION = "[role='radio']";
const HIDDEN = "polkuQuickHidden"; // data-polku-quick-hidden on the hidden picture's element (flow_diagram.css)
const KEPT = 8; // the pictures kept: each view's, with a few layouts and chosen steps
const GRACE = 1000; // ms
const recent = new Map(); // picture id -> a copy of the picture's element's content, the latest last
const marked = new WeakMap(); // a frame -> the id it had when a step was marked in it here, before the server

function choose(node, setTriggerValue) {
  const frame = node.closest(".polku-flow-frame");
  for (const other of frame.querySelectorAll("g.node[data-step]")) {
    const on = other.dataset.step === node.dataset.step;
    other.classList.toggle("polku-selected", on);
    other.setAttribute("aria-pressed", on ? "true" : "false");
  }
  marked.set(frame, frame.dataset.picture); // no longer what its id names, until the server draws it again
  for (const [id, copy] of recent) if (copy.contains(frame)) recent.delete(id);
  setTriggerValue("step", node.dataset.step);
}

function liveFrames(page) {
  // The pictures Streamlit drew, not the copies shown here.
  return [...page.querySelectorAll(LIVE)].filter((frame) => !frame.closest(".polku-quick"));
}

function keepShown(page) {
  for (const frame of liveFrames(page)) {
    const id = frame.dataset.picture;
    if (marked.get(frame) === id) continue;
    const kept = recent.get(id);
    if (kept) {
      recent.delete(id); // shown again: kept the longest
      recent.set(id, kept);
      continue;
    }
    const copy = page.createElement("div");
    copy.className = "polku-quick";
    copy.append(...[...frame.parentElement.childNodes].map((node) => node.cloneNode(true)));
    recent.set(id, copy);
    while (recent.size > KEPT) recent.delete(recent.keys().next().value);
  }
}

function whenRedrawn(page, hiddenId, done) {
  // Calls `done` once Streamlit has drawn a picture other than `hiddenId`, or once the app is idle GRACE after
  // the choice without one; returns what stops the watching.
  const app = page.querySelector("[data-testid='stApp']") || page.body;
  const since = Date.now();
  const redrawn = () => liveFrames(page).some((frame) => frame.dataset.picture !== hiddenId);
  const observer = new MutationObserver(() => redrawn() && finish());
  const timer = setInterval(() => {
    if (Date.now() - since >= GRACE && app.dataset.testScriptState !== "running") finish();
  }, GRACE / 4);
  function stop() {
    observer.disconnect();
    clearInterval(timer);
  }
  function finish() {
    stop();
    done();
  }
  observer.observe(app, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-picture"] });
  return stop;
}

export default function (component) {
  const { parentElement, setTriggerValue } = component;
  const page = parentElement.ownerDocument;
  let stopWatching = () => {};
  const giveBack = () => {
    stopWatching();
    parentElement.replaceChildren();
    for (const hidden of page.querySelectorAll("[data-polku-quick-hidden]")) delete hidden.dataset[HIDDEN];
  };
  const show = (wanted, frame) => {
    stopWatching();
    parentElement.replaceChildren(recent.get(wanted));
    const element = frame.closest("[data-testid='stElementContainer']");
    if (element) element.dataset[HIDDEN] = "";
    stopWatching = whenRedrawn(page, frame.dataset.picture, giveBack);
  };
  const quickSwitch = (option) => {
    for (const frame of liveFrames(page)) {
      const control = option.closest(`.st-key-${CSS.escape(frame.dataset.switch)}`);
      if (!control) continue;
      const index = [...control.querySelectorAll(OPTION)].indexOf(option);
      const wanted = JSON.parse(frame.dataset.options || "[]")[index];
      if (wanted === frame.dataset.picture) giveBack(); // back to the picture Streamlit drew, hidden meanwhile
      else if (wanted && recent.has(wanted)) show(wanted, frame);
    }
    setTimeout(() => keepShown(page), 0); // after the choice's task: the copy is on the screen first
  };
  const onClick = (event) => {
    const node = event.target.closest && event.target.closest(STEP);
    if (node) choose(node, setTriggerValue);
  };
  const onOption = (event) => {
    // Caught on the way down: Streamlit's switch stops the click (and handles its keys) on the way back up.
    if (event.type === "keydown" && event.key !== "Enter" && event.key !== " ") return;
    const option = event.target.closest && event.target.closest(OPTION);
    if (option) quickSwitch(option);
  };
  const onKey = (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    const node = event.target.closest && event.target.closest(STEP);
    if (!node) return;
    event.preventDefault();
    choose(node, setTriggerValue);
  };
  page.addEventListener("click", onClick);
  page.addEventListener("click", onOption, true);
  page.addEventListener("keydown", onOption, true);
  page.addEventListener("keydown", onKey);
  page.documentElement.dataset.polkuSteps = "listening"; // tests wait for it before they click or press
  return () => {
    page.removeEventListener("click", onClick);
    page.removeEventListener("click", onOption, true);
    page.removeEventListener("keydown", onOption, true);
    page.removeEventListener("keydown", onKey);
    giveBack();
    delete page.documentElement.dataset.polkuSteps;
  };
}
