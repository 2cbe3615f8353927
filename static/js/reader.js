/* Qari reader: highlight toggles for everyone; for editors, a toolbar on a
   text selection (add a mention) and a popover on a mark (relabel, link,
   remove). Offsets are counted in the paragraph's textContent, in UTF-16
   units as JavaScript counts; the server converts them and snaps to words.
   The forms are cloned from <template>s and handed to htmx, which swaps
   the re-rendered paragraph in place. */
(function () {
  "use strict";

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

  if (!article.classList.contains("editable")) return;

  let floating = null;

  function close() {
    if (floating) floating.remove();
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

  function showToolbar(paragraph, range) {
    const start = offsetIn(paragraph, range.startContainer, range.startOffset);
    const end = offsetIn(paragraph, range.endContainer, range.endOffset);
    if (end <= start) return close();
    close();
    const form = clone("add-toolbar");
    aim(form, paragraph.dataset.addUrl, paragraph);
    form.elements.start.value = start;
    form.elements.end.value = end;
    place(form, range.getBoundingClientRect());
    htmx.process(form);
  }

  function showPopover(mark) {
    close();
    const paragraph = paragraphOf(mark);
    if (!paragraph) return;
    const popover = clone("mention-popover");
    popover.querySelector(".popover-title").textContent = mark.textContent;
    for (const form of popover.querySelectorAll("form")) {
      aim(form, form.dataset.url.replace("/0/", "/" + mark.dataset.mention + "/"), paragraph);
    }
    popover.querySelector("select[name=label]").value = mark.dataset.label;
    popover.querySelector("input[name=name]").value = mark.title || mark.textContent;
    place(popover, mark.getBoundingClientRect());
    htmx.process(popover);
  }

  function onRelease(event) {
    if (floating && floating.contains(event.target)) return;
    const selection = window.getSelection();
    if (selection && selection.rangeCount && !selection.isCollapsed) {
      const range = selection.getRangeAt(0);
      const paragraph = paragraphOf(range.commonAncestorContainer);
      if (paragraph) return showToolbar(paragraph, range);
    }
    const mark = event.target.closest && event.target.closest("mark.ent[data-mention]");
    if (mark && article.contains(mark)) return showPopover(mark);
    close();
  }

  document.addEventListener("mouseup", onRelease);
  document.addEventListener("keyup", function (event) {
    if (event.key === "Escape") close();
    else if (event.shiftKey) onRelease(event);
  });

  const status = document.getElementById("edit-status");
  document.body.addEventListener("htmx:afterSwap", function () {
    close();
    const selection = window.getSelection();
    if (selection) selection.removeAllRanges();
  });
  document.body.addEventListener("htmx:responseError", function (event) {
    if (!status) return;
    status.textContent = event.detail.xhr.responseText || "تعذّر الحفظ.";
    status.hidden = false;
    setTimeout(function () { status.hidden = true; }, 5000);
  });
})();
