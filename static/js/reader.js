/* Qari reader: highlight toggles for everyone; for editors, a toolbar on a
   text selection (add a mention) and a popover on a mark (relabel, link,
   adjust, remove, history). Offsets are counted in the paragraph's
   textContent, in UTF-16 units as JavaScript counts; the server converts
   them and snaps to words. The forms are cloned from <template>s and handed
   to htmx, which swaps the re-rendered paragraph in place.

   Every edit carries the paragraph version the page shows (data-version);
   a stale one comes back as 409 with the current paragraph, which is
   swapped in like a success. The toolbar opens on a mouse selection
   (mouseup) and on any selection that settles (selectionchange), so touch
   and keyboard selections get it too. Keyboard: marks are focusable; label keys,
   next/previous (RTL: next is leftwards), Delete, span adjustment, and
   Ctrl+Z / Ctrl+Shift+Z, which revert through the server (logged), using
   the EditLog ids each edit response names in X-Qari-Edits. */
(function () {
  "use strict";

  // Theme: the system's preference until the reader picks one with the
  // header toggle; the choice is kept in localStorage (base.html applies it
  // before the first paint) and shown as data-theme on <html>.
  const root = document.documentElement;
  const darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function theme() {
    return root.dataset.theme || (darkQuery && darkQuery.matches ? "dark" : "light");
  }
  function showTheme() {
    for (const button of document.querySelectorAll("[data-theme-toggle]")) {
      button.setAttribute("aria-pressed", theme() === "dark" ? "true" : "false");
    }
  }
  document.addEventListener("click", function (event) {
    if (!(event.target.closest && event.target.closest("[data-theme-toggle]"))) return;
    root.dataset.theme = theme() === "dark" ? "light" : "dark";
    try { localStorage.setItem("qari-theme", root.dataset.theme); } catch (e) { /* private mode */ }
    showTheme();
  });
  showTheme();

  const article = document.getElementById("article");
  if (!article) return;

  document.addEventListener("change", function (event) {
    const box = event.target.closest("[data-toggle-label]");
    if (box) article.classList.toggle("hide-" + box.dataset.toggleLabel, !box.checked);
  });

  // A sidebar link to #p-N highlights the paragraph again on every click
  // (CSS :target only animates when the hash changes).
  document.addEventListener("click", function (event) {
    const link = event.target.closest && event.target.closest('.sidebar a[href^="#p-"]');
    const paragraph = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!paragraph) return;
    paragraph.classList.remove("flash");
    void paragraph.offsetWidth; // restart the animation
    paragraph.classList.add("flash");
  });

  // The mention card, for every reader: hover or focus a mark to see its
  // label, canonical name, origin and how often the corpus mentions it. The
  // mark's title moves to data-name so the browser's tooltip does not cover it.
  const card = document.getElementById("mention-card");
  let cardFor = null;
  let hideTimer = null;

  function prime(rootNode) {
    const found = rootNode.matches && rootNode.matches("mark.ent[data-mention]") ? [rootNode] : [];
    const inside = rootNode.querySelectorAll ? Array.from(rootNode.querySelectorAll("mark.ent[data-mention]")) : [];
    for (const mark of found.concat(inside)) {
      if (!article.contains(mark)) continue;
      if (mark.title) { mark.dataset.name = mark.title; mark.removeAttribute("title"); }
      mark.tabIndex = 0;
    }
  }
  if (window.htmx) htmx.onLoad(prime);
  prime(article);

  function labelName(code) {
    const box = document.querySelector('[data-toggle-label="' + code + '"]');
    return box ? box.parentElement.textContent.trim() : code;
  }

  function fillCard(container, mark) {
    const template = document.getElementById("mention-card-template");
    if (!template) return;
    const info = template.content.firstElementChild.cloneNode(true);
    const label = info.querySelector(".card-label");
    label.textContent = labelName(mark.dataset.label);
    label.classList.add("ent-" + mark.dataset.label);
    const name = mark.dataset.name || mark.textContent;
    const link = info.querySelector(".card-name");
    const plain = info.querySelector(".card-plain");
    if (mark.dataset.href) { link.href = mark.dataset.href; link.textContent = name; plain.remove(); }
    else { plain.textContent = name; link.remove(); }
    const origin = info.querySelector(".card-origin");
    origin.textContent = origin.dataset[mark.dataset.origin] || mark.dataset.origin || "";
    const count = info.querySelector(".card-count");
    if (mark.dataset.count) count.textContent = mark.dataset.count;
    else { count.remove(); info.querySelector(".card-count-term").remove(); }
    container.replaceChildren(info);
  }

  function hideCard() {
    clearTimeout(hideTimer);
    if (!card || card.hidden) return;
    card.hidden = true;
    if (cardFor) cardFor.removeAttribute("aria-describedby");
    cardFor = null;
  }

  function showCard(mark) {
    clearTimeout(hideTimer);
    if (!card || document.querySelector("body > .popover")) return; // an editor's card is open
    if (cardFor === mark && !card.hidden) return;
    fillCard(card, mark);
    card.hidden = false;
    const rect = mark.getBoundingClientRect();
    const width = card.offsetWidth;
    // Right-to-left: line the card up with the mark's right edge.
    const left = Math.max(4, Math.min(rect.right - width, document.documentElement.clientWidth - width - 4));
    card.style.top = window.scrollY + rect.bottom + 4 + "px";
    card.style.left = window.scrollX + left + "px";
    if (cardFor) cardFor.removeAttribute("aria-describedby");
    cardFor = mark;
    mark.setAttribute("aria-describedby", "mention-card");
  }

  function laterHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hideCard, 250);
  }

  function markOf(node) {
    const mark = node && node.closest && node.closest("mark.ent[data-mention]");
    return mark && article.contains(mark) ? mark : null;
  }
  if (card) {
    document.body.appendChild(card); // out of the reader grid; positioned on the page
    document.addEventListener("mouseover", function (event) {
      const mark = markOf(event.target);
      if (mark) return showCard(mark);
      if (card.contains(event.target)) return clearTimeout(hideTimer);
      if (cardFor && cardFor !== document.activeElement) laterHide();
    });
    article.addEventListener("focusin", function (event) {
      const mark = markOf(event.target);
      if (mark) showCard(mark);
    });
    article.addEventListener("focusout", function (event) {
      if (!card.contains(event.relatedTarget)) laterHide();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") hideCard();
    });
    // After an edit the old mark is gone: so is its card.
    document.body.addEventListener("htmx:afterSwap", function () {
      if (cardFor && !document.contains(cardFor)) hideCard();
    });
  }

  if (!article.classList.contains("editable")) {
    // A reader's Enter on a focused mark opens the entity's page.
    article.addEventListener("keydown", function (event) {
      const mark = markOf(event.target);
      if (mark && event.key === "Enter" && mark.dataset.href) window.location.href = mark.dataset.href;
    });
    return;
  }

  const LABEL_KEYS = {
    Digit1: "PERSON", Digit2: "LOCATION", Digit3: "ORGANIZATION", Digit4: "DATE",
    Numpad1: "PERSON", Numpad2: "LOCATION", Numpad3: "ORGANIZATION", Numpad4: "DATE",
    KeyP: "PERSON", KeyL: "LOCATION", KeyO: "ORGANIZATION", KeyD: "DATE",
  };
  const undoStack = [];
  const redoStack = [];
  let floating = null;
  let busy = false;
  let pending = null; // {op: "edit" | "undo" | "redo", focus: mention id, index: mark index}
  let focusAfter = null;

  function marks() {
    return Array.from(article.querySelectorAll("mark.ent[data-mention]"));
  }

  function focusable(root) {
    const found = root.matches && root.matches("mark.ent[data-mention]") ? [root] : [];
    for (const mark of found.concat(Array.from(root.querySelectorAll ? root.querySelectorAll("mark.ent[data-mention]") : []))) {
      mark.tabIndex = 0;
      mark.setAttribute("aria-label", mark.textContent + " — " + mark.dataset.label);
    }
  }
  htmx.onLoad(focusable);
  focusable(article);

  let dismissed = null; // the selection whose toolbar was closed: not reopened by itself

  function close() {
    if (floating) {
      if (floating.dataset.span) dismissed = floating.dataset.span;
      floating.remove();
    }
    floating = null;
  }

  function place(element, rect) {
    document.body.appendChild(element);
    const width = element.offsetWidth;
    // Right-to-left: line the box up with the right edge of what was chosen.
    const left = Math.max(4, Math.min(rect.right - width, document.documentElement.clientWidth - width - 4));
    element.style.top = window.scrollY + rect.bottom + 6 + "px";
    element.style.left = window.scrollX + left + "px";
    floating = element;
  }

  function aim(form, url, paragraph) {
    form.setAttribute("action", url);
    form.setAttribute("hx-post", url);
    form.setAttribute("hx-target", "#" + paragraph.id);
    if (form.elements.version) form.elements.version.value = paragraph.dataset.version;
  }

  function offsetIn(paragraph, node, offset) {
    const range = document.createRange();
    range.setStart(paragraph, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function paragraphOf(node) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const paragraph = element && element.closest("[data-add-url]");
    return paragraph && article.contains(paragraph) ? paragraph : null;
  }

  function clone(id) {
    return document.getElementById(id).content.firstElementChild.cloneNode(true);
  }

  function selectionOffsets() {
    const selection = window.getSelection();
    if (!selection || !selection.rangeCount || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const paragraph = paragraphOf(range.commonAncestorContainer);
    if (!paragraph) return null;
    const start = offsetIn(paragraph, range.startContainer, range.startOffset);
    const end = offsetIn(paragraph, range.endContainer, range.endOffset);
    return end > start ? {paragraph: paragraph, range: range, start: start, end: end} : null;
  }

  function spanKey(chosen) {
    return chosen.paragraph.id + ":" + chosen.start + ":" + chosen.end;
  }

  function showToolbar(chosen) {
    if (floating && floating.dataset.span === spanKey(chosen)) return; // already there
    close();
    const form = clone("add-toolbar");
    form.dataset.span = spanKey(chosen);
    aim(form, chosen.paragraph.dataset.addUrl, chosen.paragraph);
    form.elements.start.value = chosen.start;
    form.elements.end.value = chosen.end;
    place(form, chosen.range.getBoundingClientRect());
    htmx.process(form);
  }

  function mentionUrl(template, mark) {
    return template.replace("/0/", "/" + mark.dataset.mention + "/");
  }

  function showPopover(mark) {
    close();
    const paragraph = paragraphOf(mark);
    if (!paragraph) return;
    const popover = clone("mention-popover");
    hideCard();
    popover.querySelector(".popover-title").textContent = mark.textContent;
    fillCard(popover.querySelector(".popover-card"), mark);
    for (const form of popover.querySelectorAll("form")) {
      aim(form, mentionUrl(form.dataset.url, mark), paragraph);
    }
    const slot = popover.querySelector(".history-slot");
    slot.setAttribute("hx-get", mentionUrl(slot.dataset.url, mark));
    popover.querySelector("select[name=label]").value = mark.dataset.label;
    popover.querySelector("input[name=name]").value = mark.dataset.name || mark.title || mark.textContent;
    place(popover, mark.getBoundingClientRect());
    htmx.process(popover);
    pending = null;
  }

  function onRelease(event) {
    if (floating && floating.contains(event.target)) return;
    const chosen = selectionOffsets();
    if (chosen) return showToolbar(chosen);
    const mark = event.target.closest && event.target.closest("mark.ent[data-mention]");
    if (mark && article.contains(mark)) return showPopover(mark);
    close();
  }

  document.addEventListener("mouseup", onRelease);
  document.addEventListener("keyup", function (event) {
    if (event.key === "Shift" && selectionOffsets()) onRelease(event);
  });

  // Touch, pen and keyboard selections: a long press and its handles, or
  // Shift+arrows, change the selection without a mouseup, so the toolbar also
  // follows the selection itself, once it settles and no pointer is held down
  // (a mouse drag still ends in mouseup above).
  let pressed = false;
  let settle = null;
  document.addEventListener("pointerdown", function (event) {
    pressed = event.pointerType === "mouse" && !(floating && floating.contains(event.target));
  });
  for (const name of ["pointerup", "pointercancel"]) {
    document.addEventListener(name, function () { pressed = false; });
  }
  document.addEventListener("selectionchange", function () {
    clearTimeout(settle);
    settle = setTimeout(function () {
      if (pressed || busy) return;
      const chosen = selectionOffsets();
      if (!chosen) dismissed = null; // a new selection may be the same span again
      else if (spanKey(chosen) !== dismissed) showToolbar(chosen);
    }, 250);
  });

  // One edit at a time through the server; the answer replaces the paragraph.
  function send(url, paragraph, values, op, mark) {
    if (busy) return;
    busy = true;
    const all = marks();
    pending = {op: op || "edit", focus: mark ? mark.dataset.mention : null, index: mark ? all.indexOf(mark) : -1};
    values.version = paragraph.dataset.version;
    htmx.ajax("POST", url, {source: paragraph, target: "#" + paragraph.id, swap: "outerHTML", values: values})
      .finally(function () { busy = false; });
  }

  function template(name) {
    return document.getElementById("mention-popover").content.querySelector('form[data-url*="/' + name + '/"]').dataset.url;
  }

  function revert(stack, op) {
    const group = stack.pop();
    if (!group) return say(op === "undo" ? "لا شيء للتراجع عنه." : "لا شيء لإعادته.");
    const paragraph = document.querySelector('[data-paragraph="' + group.paragraph + '"]');
    if (!paragraph) return;
    const url = dialog.dataset.revertUrl;
    send(url, paragraph, {edits: group.edits.join(",")}, op, null);
  }

  function say(text) {
    const status = document.getElementById("edit-status");
    if (!status) return;
    status.textContent = text;
    status.hidden = false;
    clearTimeout(say.timer);
    say.timer = setTimeout(function () {
      const current = document.getElementById("edit-status");
      if (current) current.hidden = true;
    }, 6000);
  }

  function move(step) {
    const all = marks().filter(function (m) { return m.getClientRects().length; });
    if (!all.length) return;
    const at = all.indexOf(document.activeElement);
    const next = at < 0 ? (step > 0 ? 0 : all.length - 1) : Math.max(0, Math.min(all.length - 1, at + step));
    all[next].focus();
    close();
  }

  const dialog = document.getElementById("shortcuts");
  function toggleShortcuts() {
    if (!dialog) return;
    if (dialog.open) dialog.close();
    else { close(); dialog.showModal(); }
  }
  // A closed dialog keeps the focus of its button until the browser's next frame; let
  // it go at once, so the key pressed right after Escape reaches the reader.
  if (dialog) {
    dialog.addEventListener("close", function () {
      if (dialog.contains(document.activeElement)) document.activeElement.blur();
    });
  }
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-shortcuts]")) toggleShortcuts();
  });

  document.addEventListener("keydown", function (event) {
    const target = event.target;
    if (target.closest && target.closest("input, select, textarea, [contenteditable], dialog[open]")) return;
    const command = event.ctrlKey || event.metaKey;
    if (event.key === "?" || event.key === "؟") {
      event.preventDefault();
      return toggleShortcuts();
    }
    if (event.key === "Escape") return close();
    if (command && (event.code === "KeyZ" || event.code === "KeyY")) {
      event.preventDefault();
      if (event.shiftKey || event.code === "KeyY") revert(redoStack, "redo");
      else revert(undoStack, "undo");
      return;
    }
    if (command) return;
    const label = !event.altKey && !event.shiftKey ? LABEL_KEYS[event.code] : null;
    const chosen = selectionOffsets();
    if (label && chosen) {
      event.preventDefault();
      return send(chosen.paragraph.dataset.addUrl, chosen.paragraph, {start: chosen.start, end: chosen.end, label: label}, "edit", null);
    }
    // RTL: the next mention lies to the left.
    if ((event.code === "KeyJ" && !event.altKey) || (event.altKey && !event.shiftKey && event.key === "ArrowLeft")) {
      event.preventDefault();
      return move(1);
    }
    if ((event.code === "KeyK" && !event.altKey) || (event.altKey && !event.shiftKey && event.key === "ArrowRight")) {
      event.preventDefault();
      return move(-1);
    }
    const mark = target.closest && target.closest("mark.ent[data-mention]");
    if (!mark || !article.contains(mark)) return;
    const paragraph = paragraphOf(mark);
    let url = null;
    let values = null;
    if (label) {
      if (label === mark.dataset.label) return;
      url = template("relabel"); values = {label: label};
    } else if (event.key === "Delete" || event.key === "Backspace") {
      url = template("remove"); values = {};
    } else if (event.key === "Enter") {
      event.preventDefault();
      return showPopover(mark);
    } else if (event.shiftKey && (event.key === "ArrowRight" || event.key === "ArrowLeft")) {
      // start = the right-hand edge in RTL text; end = the left-hand one.
      const right = event.key === "ArrowRight";
      const action = event.altKey ? (right ? "shrink-start" : "shrink-end") : (right ? "grow-start" : "grow-end");
      url = template("adjust"); values = {action: action};
    } else if (event.code === "KeyC" && !event.altKey && !event.shiftKey) {
      url = template("adjust"); values = {action: "toggle-clitic"};
    }
    if (!url) return;
    event.preventDefault();
    close();
    send(mentionUrl(url, mark), paragraph, values, "edit", mark);
  });

  // Forms in the toolbar and popover are edits too: remember what to focus.
  document.body.addEventListener("htmx:beforeRequest", function (event) {
    const elt = event.detail.elt;
    if (!pending && floating && floating.contains(elt) && elt.tagName === "FORM") {
      const mark = document.activeElement && document.activeElement.closest && document.activeElement.closest("mark.ent[data-mention]");
      pending = {op: "edit", focus: mark ? mark.dataset.mention : null, index: mark ? marks().indexOf(mark) : -1};
    }
  });

  document.body.addEventListener("htmx:beforeSwap", function (event) {
    const xhr = event.detail.xhr;
    if (xhr.status === 409) {
      // A stale edit: the answer is the paragraph as it is now, plus a message.
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
    const edits = xhr.getResponseHeader("X-Qari-Edits");
    const paragraph = event.detail.target && event.detail.target.dataset ? event.detail.target.dataset.paragraph : null;
    if (edits && paragraph) {
      const group = {paragraph: paragraph, edits: edits.split(",")};
      const op = pending ? pending.op : "edit";
      if (op === "undo") redoStack.push(group);
      else {
        undoStack.push(group);
        if (op === "edit") redoStack.length = 0;
      }
    }
    if (event.detail.target && event.detail.target.dataset && event.detail.target.dataset.paragraph) {
      focusAfter = {mention: xhr.getResponseHeader("X-Qari-Mention") || (pending && pending.focus), index: pending ? pending.index : -1};
      pending = null;
    }
  });

  document.body.addEventListener("htmx:afterSwap", function (event) {
    // Only a paragraph swap ends the edit (not the sidebar refresh or the card's history).
    const swapped = event.detail.target;
    if (!(swapped && swapped.dataset && swapped.dataset.paragraph)) return;
    close();
    const selection = window.getSelection();
    if (selection) selection.removeAllRanges();
    if (event.detail.xhr && event.detail.xhr.status === 409) {
      const status = document.getElementById("edit-status");
      if (status) say(status.textContent);
    }
    const wanted = focusAfter;
    focusAfter = null;
    if (!wanted) return;
    focusable(article); // the new marks get their tabindex before htmx's load event
    const all = marks();
    const mark = (wanted.mention && article.querySelector('mark.ent[data-mention="' + wanted.mention + '"]')) ||
      (wanted.index >= 0 && all.length ? all[Math.min(wanted.index, all.length - 1)] : null);
    if (mark) mark.focus();
  });

  document.body.addEventListener("htmx:responseError", function (event) {
    if (event.detail.xhr.status === 409) return;
    say(event.detail.xhr.responseText || "تعذّر الحفظ.");
  });
  // No answer at all (the network or the server is down): nothing was saved, say so
  // rather than leave the editor waiting for a change that will not come.
  for (const name of ["htmx:sendError", "htmx:timeout"]) {
    document.body.addEventListener(name, function () {
      say("تعذّر الاتصال بالخادم؛ لم يُحفظ التعديل.");
    });
  }
})();
