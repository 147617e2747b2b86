// The facilitator's path canvas: a Streamlit custom component (v2), drawn from `data` (see canvas.py).
// Every gesture is sent to Python as one trigger value "gesture"; Python makes it one edit and sends
// the new path back (data.rev grows). User text is only ever set as textContent: it stays text.

const SVG = "http://www.w3.org/2000/svg";
let gestureCount = 0;

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

function send(root, gesture) {
  gestureCount += 1;
  root._send({ ...gesture, n: `${Date.now()}-${gestureCount}` });
}

function closeForm(root) {
  root.querySelectorAll(".pc-form").forEach((form) => form.remove());
}

// A small inline form (condition of a new connection, new title): Enter sends, Escape closes.
function inlineForm(root, anchor, label, value, onSubmit) {
  closeForm(root);
  const labels = root._data.labels;
  const form = el("form", "pc-form");
  const id = `pc-input-${gestureCount}-${Date.now()}`;
  const caption = el("label", "", label);
  caption.htmlFor = id;
  const input = el("input");
  input.id = id;
  input.value = value;
  input.maxLength = 300;
  const ok = el("button", "", labels.ok);
  ok.type = "submit";
  const cancel = el("button", "", labels.cancel);
  cancel.type = "button";
  form.append(caption, input, ok, cancel);
  const box = anchor.getBoundingClientRect();
  const base = root.getBoundingClientRect();
  form.style.left = `${Math.max(0, box.left - base.left)}px`;
  form.style.top = `${box.bottom - base.top + 4}px`;
  form.onsubmit = (event) => {
    event.preventDefault();
    const typed = input.value;
    closeForm(root);
    onSubmit(typed);
  };
  cancel.onclick = () => closeForm(root);
  input.onkeydown = (event) => {
    event.stopPropagation();
    if (event.key === "Escape") closeForm(root);
  };
  root.appendChild(form);
  input.focus();
  input.select();
}

// The feeling toolbar follows the selection: enabled for a step, its current feeling pressed.
function updateFeelings(root) {
  const group = root.querySelector(".pc-feelings");
  if (!group) return;
  const chosen = root._selected && root._selected.step
    ? root._data.steps.find((step) => step.id === root._selected.step) : null;
  group.querySelectorAll("button").forEach((button) => {
    button.disabled = !chosen;
    const score = button.dataset.feeling === "" ? null : Number(button.dataset.feeling);
    button.setAttribute("aria-pressed", String(Boolean(chosen) && (chosen.feeling ?? null) === score));
  });
  const hint = group.querySelector(".pc-feeling-hint");
  if (hint) hint.style.visibility = chosen ? "hidden" : "visible";  // hidden, yet keeping its room: nothing moves
}

function feelingToolbar(root, data) {
  const labels = data.labels;
  const group = el("div", "pc-feelings");
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", labels.feeling);
  group.appendChild(el("span", "pc-feeling-caption", labels.feeling));
  const choices = [...data.feelings, { score: null, label: labels.feeling_none }];
  for (const choice of choices) {
    const button = el("button", "pc-feeling-choice", choice.label);
    button.type = "button";
    button.dataset.feeling = choice.score === null ? "" : String(choice.score);
    button.onclick = () => {
      const chosen = root._selected;
      if (chosen && chosen.step) send(root, { kind: "feeling", step: chosen.step, feeling: choice.score });
    };
    group.appendChild(button);
  }
  group.appendChild(el("span", "pc-hint pc-feeling-hint", labels.feeling_pick));
  return group;
}

function select(root, what) {
  root._selected = what;
  root.querySelectorAll(".pc-selected").forEach((node) => node.classList.remove("pc-selected"));
  if (what && what.step) root.querySelector(`.pc-card[data-step="${CSS.escape(what.step)}"]`)?.classList.add("pc-selected");
  if (what && what.source) {
    root.querySelector(`.pc-edge[data-key="${CSS.escape(what.source + "\u0000" + what.target)}"]`)?.classList.add("pc-selected");
  }
  updateFeelings(root);
}

function drawEdges(root) {
  const grid = root.querySelector(".pc-grid");
  const svg = root.querySelector(".pc-edges");
  if (!grid || !svg) return;
  const base = grid.getBoundingClientRect();
  svg.setAttribute("width", String(grid.scrollWidth));
  svg.setAttribute("height", String(grid.scrollHeight));
  svg.querySelectorAll(".pc-edge-group").forEach((node) => node.remove());
  const cards = {};
  grid.querySelectorAll(".pc-card").forEach((card) => { cards[card.dataset.step] = card.getBoundingClientRect(); });
  for (const edge of root._data.transitions) {
    const a = cards[edge.source];
    const b = cards[edge.target];
    if (!a || !b) continue;
    const x1 = a.right - base.left, y1 = a.top + a.height / 2 - base.top;
    const x2 = b.left - base.left, y2 = b.top + b.height / 2 - base.top;
    const bend = Math.max(30, Math.abs(x2 - x1) / 2);
    const d = `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`;
    const group = document.createElementNS(SVG, "g");
    group.setAttribute("class", "pc-edge-group");
    const hit = document.createElementNS(SVG, "path");
    hit.setAttribute("class", "pc-edge-hit");
    hit.setAttribute("d", d);
    hit.setAttribute("tabindex", "0");
    hit.setAttribute("role", "button");
    hit.setAttribute("aria-label", `${root._data.labels.edge}: ${edge.source_title} → ${edge.target_title}`);
    hit.dataset.source = edge.source;
    hit.dataset.target = edge.target;
    const line = document.createElementNS(SVG, "path");
    line.setAttribute("class", "pc-edge");
    line.setAttribute("d", d);
    line.setAttribute("marker-end", "url(#pc-arrow)");
    line.dataset.key = edge.source + "\u0000" + edge.target;
    const pick = () => { select(root, { source: edge.source, target: edge.target }); };
    hit.addEventListener("click", pick);
    hit.addEventListener("focus", pick);
    group.append(hit, line);
    if (edge.label) {
      const label = document.createElementNS(SVG, "text");
      label.setAttribute("class", "pc-edge-label");
      label.setAttribute("x", String((x1 + x2) / 2));
      label.setAttribute("y", String((y1 + y2) / 2 - 4));
      label.setAttribute("text-anchor", "middle");
      label.textContent = edge.label;
      group.appendChild(label);
    }
    svg.appendChild(group);
  }
}

function dropTarget(root, x, y) {
  const under = document.elementFromPoint(x, y);
  if (!under || !root.contains(under)) return {};
  return { cell: under.closest(".pc-cell"), card: under.closest(".pc-card") };
}

// Dragging a card moves the step; dragging from its handle draws a connection.
function startDrag(root, card, event, connecting) {
  const step = card.dataset.step;
  const startX = event.clientX, startY = event.clientY;
  let dragging = false;
  let ghost = null, line = null;
  const svg = root.querySelector(".pc-edges");
  const gridBox = () => root.querySelector(".pc-grid").getBoundingClientRect();
  const clearMarks = () => root.querySelectorAll(".pc-over, .pc-drop").forEach((n) => n.classList.remove("pc-over", "pc-drop"));
  const move = (e) => {
    if (!dragging && Math.hypot(e.clientX - startX, e.clientY - startY) < 5) return;
    if (!dragging) {
      dragging = true;
      if (connecting) {
        line = document.createElementNS(SVG, "path");
        line.setAttribute("class", "pc-line");
        svg.appendChild(line);
      } else {
        card.classList.add("pc-dragging");
        ghost = el("div", "pc-ghost", card.querySelector(".pc-title").textContent);
        document.body.appendChild(ghost);
      }
    }
    clearMarks();
    const { cell, card: over } = dropTarget(root, e.clientX, e.clientY);
    if (connecting) {
      const from = card.getBoundingClientRect(), base = gridBox();
      line.setAttribute("d", `M${from.right - base.left},${from.top + from.height / 2 - base.top} L${e.clientX - base.left},${e.clientY - base.top}`);
      if (over) over.classList.add("pc-drop");
    } else {
      ghost.style.left = `${e.clientX + 8}px`;
      ghost.style.top = `${e.clientY + 8}px`;
      if (cell) cell.classList.add("pc-over");
      if (over && over !== card) over.classList.add("pc-drop");
    }
  };
  const up = (e) => {
    document.removeEventListener("pointermove", move);
    document.removeEventListener("pointerup", up);
    clearMarks();
    ghost?.remove();
    line?.remove();
    card.classList.remove("pc-dragging");
    if (!dragging) {
      select(root, { step });
      return;
    }
    const { cell, card: over } = dropTarget(root, e.clientX, e.clientY);
    if (connecting) {
      if (over && over.dataset.step !== step) {
        const target = over.dataset.step;
        inlineForm(root, over, root._data.labels.condition, "", (label) => send(root, { kind: "connect", source: step, target, label }));
      }
      return;
    }
    if (!cell) return;
    const before = over && over !== card && cell.contains(over) ? over.dataset.step : null;
    send(root, { kind: "move", step, stage: cell.dataset.stage, lane: cell.dataset.lane, before });
  };
  document.addEventListener("pointermove", move);
  document.addEventListener("pointerup", up);
}

function card(root, step) {
  const labels = root._data.labels;
  const node = el("div", "pc-card");
  node.dataset.step = step.id;
  node.tabIndex = 0;
  node.setAttribute("role", "button");
  const feeling = step.feeling_label ? ` · ${labels.feeling}: ${step.feeling_label}` : "";
  node.setAttribute("aria-label", `${labels.step}: ${step.bulb ? labels.bulb + " " : ""}${step.title}${feeling}`);
  node.appendChild(el("span", "pc-title", `${step.bulb ? "💡 " : ""}${step.title}`));
  if (step.feeling_label) node.appendChild(el("span", "pc-feeling", step.feeling_label));
  const handle = el("span", "pc-handle", "→");
  handle.title = labels.connect;
  handle.setAttribute("aria-hidden", "true");
  node.appendChild(handle);
  node.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    event.preventDefault();
    node.focus();
    startDrag(root, node, event, event.target === handle);
  });
  node.addEventListener("focus", () => select(root, { step: step.id }));
  node.addEventListener("dblclick", () => {
    inlineForm(root, node, labels.rename, step.title, (title) => {
      if (title.trim() && title !== step.title) send(root, { kind: "rename", step: step.id, title });
    });
  });
  return node;
}

function render(root, data) {
  root.replaceChildren();
  const labels = data.labels;
  const toolbar = el("div", "pc-toolbar");
  const undo = el("button", "pc-undo", labels.undo);
  undo.type = "button";
  undo.disabled = !data.can_undo;
  undo.onclick = () => send(root, { kind: "undo" });
  toolbar.append(undo, el("span", "pc-hint", labels.hint), feelingToolbar(root, data));
  const scroll = el("div", "pc-scroll");
  const grid = el("div", "pc-grid");
  grid.style.gridTemplateColumns = `auto repeat(${data.stages.length}, minmax(11rem, 1fr))`;
  grid.appendChild(el("div", "pc-head", ""));
  for (const stage of data.stages) grid.appendChild(el("div", "pc-head", stage.title));
  for (const lane of data.lanes) {
    grid.appendChild(el("div", "pc-lane", lane.name));
    for (const stage of data.stages) {
      const cell = el("div", "pc-cell");
      cell.dataset.stage = stage.id;
      cell.dataset.lane = lane.id;
      cell.setAttribute("role", "group");  // a named group of cards (an aria-label needs a role)
      cell.setAttribute("aria-label", `${stage.title} · ${lane.name}`);
      for (const step of data.steps) {
        if (step.stage === stage.id && step.lane === lane.id) cell.appendChild(card(root, step));
      }
      grid.appendChild(cell);
    }
  }
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "pc-edges");
  svg.setAttribute("aria-hidden", "false");
  svg.innerHTML = '<defs><marker id="pc-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#5A5A5A"/></marker></defs>';
  grid.appendChild(svg);
  scroll.appendChild(grid);
  root.append(toolbar, scroll);
  requestAnimationFrame(() => drawEdges(root));
}

function onKey(root, event) {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z") {
    event.preventDefault();
    send(root, { kind: "undo" });
    return;
  }
  if (event.key !== "Delete" && event.key !== "Backspace") return;
  if (!event.target.closest || !event.target.closest(".pc-scroll")) return;  // not from the toolbar's buttons
  const chosen = root._selected;
  if (!chosen) return;
  event.preventDefault();
  if (chosen.step) send(root, { kind: "delete", step: chosen.step });
  else if (chosen.source) send(root, { kind: "disconnect", source: chosen.source, target: chosen.target });
}

export default function (component) {
  const { data, setTriggerValue, parentElement } = component;
  let root = parentElement.querySelector(".pc-root");
  if (!root) {
    root = el("div", "pc-root");
    root.addEventListener("keydown", (event) => onKey(root, event));
    parentElement.appendChild(root);
    new ResizeObserver(() => drawEdges(root)).observe(root);
  }
  root._send = (value) => setTriggerValue("gesture", value);
  const stamp = `${data.key}:${data.rev}:${data.lang}`;
  root._data = data;
  if (root.dataset.stamp === stamp) return;
  root.dataset.stamp = stamp;
  const kept = root._selected;  // a redraw (an edit, an undo, another's save) keeps the selected step ...
  const focused = root.contains(document.activeElement) ? document.activeElement.dataset : null;
  render(root, data);
  select(root, kept && kept.step && data.steps.some((step) => step.id === kept.step) ? kept : null);
  // ... and the keyboard focus stays on the same card or feeling button
  if (focused && focused.feeling !== undefined) {
    root.querySelector(`.pc-feeling-choice[data-feeling="${CSS.escape(focused.feeling)}"]`)?.focus();
  } else if (focused && focused.step) {
    root.querySelector(`.pc-card[data-step="${CSS.escape(focused.step)}"]`)?.focus();
  }
}
