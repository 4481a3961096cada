/*
 * infocoach web chat widget.
 *
 * One script, two ways to use it:
 *   - inline: put <div data-infocoach></div> on the page; the chat fills it (the
 *     page at /webhooks/socketio/chat does this);
 *   - launcher: without such a div, a round button in the corner opens the chat.
 * The server is wherever this script was loaded from, so embedding it needs one
 * <script> tag. The widget lives in a shadow root, so the host page's CSS cannot
 * break it and its CSS cannot leak out.
 *
 * Safety rule: user and bot text only ever reaches the page through
 * textContent / createTextNode, never innerHTML, so typed markup stays text.
 * A practice scorecard arrives with its items (message.scorecard) and is laid
 * out as a list with done/missed marks, by the same rule.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var assetBase = new URL(".", script.src);
  var serverOrigin = assetBase.origin;
  var historyBase = new URL("../history/", assetBase);
  var storageKey = "infocoach.session@" + serverOrigin;
  var openKey = "infocoach.open@" + serverOrigin;
  var SUGGESTIONS = [
    { title: "Hi!", payload: "hi" },
    { title: "What is an informational interview?", payload: "what is an informational interview?" },
    { title: "How do I end the meeting?", payload: "how do I end the meeting?" }
  ];

  /* ---------- small helpers ---------- */

  function el(tag, className, attrs) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    return node;
  }

  function text(tag, className, value) {
    var node = el(tag, className);
    node.textContent = value;
    return node;
  }

  // localStorage can be off (privacy modes, sandboxed frames): the chat then
  // still works, it just forgets on reload.
  var memory = {};
  var store = {
    get: function (key) {
      try { return window.localStorage.getItem(key); } catch (e) { return memory[key] || null; }
    },
    set: function (key, value) {
      try { window.localStorage.setItem(key, value); } catch (e) { memory[key] = value; }
    }
  };

  /* ---------- markdown-lite: **bold**, *italic*, [links](url), bare URLs, "- " lists ---------- */

  function safeLink(label, href) {
    var url;
    try { url = new URL(href); } catch (e) { return null; }
    if (["http:", "https:", "mailto:"].indexOf(url.protocol) < 0) return null;
    var a = el("a", null, { href: url.href, target: "_blank", rel: "noopener noreferrer" });
    a.textContent = label;
    return a;
  }

  function appendInline(parent, value) {
    var pattern = /\*\*(.+?)\*\*|\*([^*\s][^*]*?)\*|\[([^\]\n]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)'])/g;
    var last = 0;
    var match;
    while ((match = pattern.exec(value)) !== null) {
      var node = null;
      if (match[1] !== undefined) {
        node = el("strong");
        appendInline(node, match[1]);
      } else if (match[2] !== undefined) {
        node = el("em");
        appendInline(node, match[2]);
      } else if (match[3] !== undefined) {
        node = safeLink(match[3], match[4]);
      } else {
        node = safeLink(match[5], match[5]);
      }
      if (node === null) continue; // not a link we allow: leave it as plain text
      if (match.index > last) parent.appendChild(document.createTextNode(value.slice(last, match.index)));
      parent.appendChild(node);
      last = pattern.lastIndex;
    }
    if (last < value.length) parent.appendChild(document.createTextNode(value.slice(last)));
  }

  function renderRich(container, value) {
    var list = null;
    var paragraph = null;
    value.split("\n").forEach(function (line) {
      var item = /^\s*[-•]\s+(.*)$/.exec(line);
      if (item) {
        if (!list) list = container.appendChild(el("ul"));
        paragraph = null;
        appendInline(list.appendChild(el("li")), item[1]);
        return;
      }
      list = null;
      if (!line.trim()) { paragraph = null; return; }
      if (paragraph) paragraph.appendChild(el("br"));
      else paragraph = container.appendChild(el("p"));
      appendInline(paragraph, line);
    });
  }

  /* ---------- a practice scorecard: title, steps done or missed, verdict, signals, tips ---------- */

  function renderScorecard(container, card) {
    appendInline(container.appendChild(el("p", "ic-card-title")), card.title);
    var steps = container.appendChild(el("ul", "ic-steps"));
    card.steps.forEach(function (step) {
      var item = steps.appendChild(el("li", "ic-step " + (step.done ? "ic-step-done" : "ic-step-missed")));
      item.appendChild(text("span", "ic-step-icon", step.done ? "\u2713" : "\u2717"))
        .setAttribute("aria-hidden", "true");
      item.appendChild(text("span", "ic-step-mark", step.mark + ": "));
      item.appendChild(text("span", "ic-step-label", step.label));
      if (step.evidence) item.appendChild(text("span", "ic-step-evidence", step.evidence));
    });
    var verdict = container.appendChild(el("div", card.job_ask ? "ic-card-verdict ic-card-alert" : "ic-card-verdict"));
    renderRich(verdict, card.verdict);
    renderRich(container, card.signals_heading + "\n" + card.signals);
    renderRich(container, [card.tips_heading].concat(card.tips.map(function (tip) { return "- " + tip; })).join("\n"));
  }

  /* ---------- the socket.io client, served by the same Rasa server ---------- */

  function loadSocketClient() {
    return new Promise(function (resolve, reject) {
      var previous = window.io;
      var tag = el("script", null, { src: new URL("vendor/socket.io.min.js", assetBase).href });
      tag.onload = function () {
        var io = window.io;
        if (previous !== undefined) window.io = previous; // leave the host page's own io alone
        resolve(io);
      };
      tag.onerror = function () { reject(new Error("could not load the chat client")); };
      document.head.appendChild(tag);
    });
  }

  /* ---------- the chat panel ---------- */

  function buildPanel(root, inline) {
    var ui = {};
    ui.panel = el("section", "ic-panel" + (inline ? " ic-inline" : ""), {
      "aria-label": "infocoach chat", id: "ic-panel"
    });
    var header = ui.panel.appendChild(el("header", "ic-header"));
    header.appendChild(text("span", "ic-avatar", "ic")).setAttribute("aria-hidden", "true");
    var titles = header.appendChild(el("div", "ic-titles"));
    titles.appendChild(text("h2", "ic-title", "infocoach"));
    ui.status = titles.appendChild(text("p", "ic-subtitle", "Connecting…"));
    if (!inline) {
      ui.close = header.appendChild(el("button", "ic-close", { type: "button", "aria-label": "Close chat" }));
      ui.close.appendChild(text("span", null, "×")).setAttribute("aria-hidden", "true");
    }

    ui.notice = ui.panel.appendChild(el("div", "ic-notice", { role: "alert" }));
    ui.notice.hidden = true;

    // Focusable, so that keyboard users can scroll back through the conversation.
    ui.scroller = ui.panel.appendChild(el("div", "ic-scroller", { tabindex: "0" }));
    ui.welcome = ui.scroller.appendChild(el("div", "ic-welcome"));
    ui.welcome.appendChild(text("p", "ic-welcome-title", "Hi, I'm your informational-interview coach."));
    ui.welcome.appendChild(text("p", null,
      "Ask me how to find someone to talk to, what to ask, or how to follow up. " +
      "Or pick a question below."));
    // The live region wraps the list, so the messages keep their list semantics.
    ui.logRegion = ui.scroller.appendChild(el("div", "ic-log-region", {
      role: "log", "aria-live": "polite", "aria-label": "Conversation"
    }));
    ui.log = ui.logRegion.appendChild(el("ol", "ic-log"));
    ui.typing = ui.scroller.appendChild(el("div", "ic-typing", { role: "status" }));
    ui.typing.appendChild(text("span", "ic-sr", "The coach is typing…"));
    var dots = ui.typing.appendChild(el("span", "ic-dots", { "aria-hidden": "true" }));
    for (var i = 0; i < 3; i++) dots.appendChild(el("span"));
    ui.typing.hidden = true;

    ui.replies = ui.panel.appendChild(el("div", "ic-replies", {
      role: "group", "aria-label": "Suggested replies"
    }));

    ui.form = ui.panel.appendChild(el("form", "ic-composer"));
    ui.form.appendChild(text("label", "ic-sr", "Your message")).setAttribute("for", "ic-input");
    ui.input = ui.form.appendChild(el("textarea", "ic-input", {
      id: "ic-input", rows: "1", placeholder: "Ask the coach…", autocomplete: "off",
      "aria-describedby": "ic-hint"
    }));
    ui.form.appendChild(text("span", "ic-sr", "Enter sends, Shift+Enter starts a new line."))
      .setAttribute("id", "ic-hint");
    ui.send = ui.form.appendChild(el("button", "ic-send", { type: "submit", "aria-label": "Send" }));
    ui.send.appendChild(el("span", "ic-send-icon", { "aria-hidden": "true" }));
    root.appendChild(ui.panel);
    return ui;
  }

  function Chat(ui, io) {
    var sessionId = store.get(storageKey);
    var pending = 0;
    var ready = false;

    function scrollToEnd() { ui.scroller.scrollTop = ui.scroller.scrollHeight; }

    function addMessage(sender, value, scorecard) {
      var item = el("li", "ic-msg ic-" + sender);
      item.appendChild(text("span", "ic-sr", sender === "user" ? "You: " : "Coach: "));
      var bubble = item.appendChild(el("div", scorecard ? "ic-bubble ic-card" : "ic-bubble"));
      if (scorecard) renderScorecard(bubble, scorecard);
      else if (sender === "bot") renderRich(bubble, value);
      else bubble.textContent = value;
      ui.log.appendChild(item);
      ui.welcome.hidden = true;
      scrollToEnd();
    }

    function showReplies(replies) {
      ui.replies.textContent = "";
      replies.forEach(function (reply) {
        var button = ui.replies.appendChild(text("button", "ic-chip", reply.title));
        button.type = "button";
        button.disabled = !ready;
        button.addEventListener("click", function () {
          send(reply.payload, reply.title);
          ui.input.focus();
        });
      });
      ui.replies.hidden = replies.length === 0;
      scrollToEnd();
    }

    function setTyping(delta) {
      pending = Math.max(0, delta === null ? 0 : pending + delta);
      ui.typing.hidden = pending === 0;
      scrollToEnd();
    }

    function setReady(value) {
      ready = value;
      ui.send.disabled = !value;
      ui.replies.querySelectorAll("button").forEach(function (b) { b.disabled = !value; });
      ui.status.textContent = value ? "Online · replies in a moment" : "Offline";
      ui.panel.classList.toggle("ic-offline", !value);
    }

    function showNotice(message) {
      ui.notice.textContent = message;
      ui.notice.hidden = !message;
    }

    function renderHistory(messages) {
      ui.logRegion.setAttribute("aria-busy", "true");
      ui.log.textContent = "";
      var replies = [];
      messages.forEach(function (message) {
        if (message.text) addMessage(message.sender, message.text, message.scorecard);
        if (message.sender === "user") replies = [];
        else if (message.quick_replies && message.quick_replies.length) replies = message.quick_replies;
      });
      ui.welcome.hidden = messages.length > 0;
      showReplies(messages.length ? replies : SUGGESTIONS);
      ui.logRegion.setAttribute("aria-busy", "false");
    }

    function loadHistory() {
      return fetch(historyBase.href + encodeURIComponent(sessionId), { credentials: "omit" })
        .then(function (res) { return res.ok ? res.json() : { messages: [] }; })
        .then(function (body) { renderHistory(body.messages || []); })
        .catch(function () { /* keep what is on screen; live messages still work */ });
    }

    function send(payload, shown) {
      if (!ready) return;
      addMessage("user", shown);
      showReplies([]);
      setTyping(+1);
      socket.emit("user_uttered", { message: payload, session_id: sessionId });
    }

    var socket = io(serverOrigin, { path: "/socket.io", reconnectionDelayMax: 4000 });

    socket.on("connect", function () {
      socket.emit("session_request", { session_id: sessionId });
    });
    socket.on("session_confirm", function (confirmed) {
      if (confirmed !== sessionId) {
        sessionId = confirmed;
        store.set(storageKey, confirmed);
      }
      loadHistory().then(function () {
        showNotice("");
        setReady(true);
      });
    });
    socket.on("bot_uttered", function (message) {
      if (message.text) addMessage("bot", message.text, message.scorecard);
      if (message.quick_replies && message.quick_replies.length) showReplies(message.quick_replies);
    });
    socket.on("bot_turn_done", function () { setTyping(-1); });

    function offline() {
      setReady(false);
      setTyping(null);
      showNotice("Can't reach the coach right now. Reconnecting automatically…");
    }
    socket.on("disconnect", offline);
    socket.on("connect_error", offline);

    ui.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var value = ui.input.value;
      if (!value.trim() || !ready) return;
      ui.input.value = "";
      fitInput();
      send(value, value);
    });

    function fitInput() {
      ui.input.style.height = "auto";
      ui.input.style.height = Math.min(ui.input.scrollHeight, 140) + "px";
    }
    ui.input.addEventListener("input", fitInput);
    ui.input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        ui.form.requestSubmit();
      }
    });
    setReady(false);
  }

  /* ---------- mounting ---------- */

  function mount() {
    var target = document.querySelector("[data-infocoach]");
    var inline = target !== null;
    var host = inline ? target : document.body.appendChild(el("div", null, { id: "infocoach-launcher" }));
    var root = host.attachShadow({ mode: "open" });
    var styles = el("link", null, { rel: "stylesheet", href: new URL("widget.css", assetBase).href });
    root.appendChild(styles);
    var frame = root.appendChild(el("div", "ic-root" + (inline ? " ic-root-inline" : "")));
    var ui = buildPanel(frame, inline);
    var started = false;

    function start() {
      if (started) return;
      started = true;
      loadSocketClient().then(function (io) { Chat(ui, io); }, function () {
        ui.notice.textContent = "Can't reach the coach right now. Please reload the page in a moment.";
        ui.notice.hidden = false;
      });
    }

    if (inline) { start(); ui.input.focus(); return; }

    var launcher = el("button", "ic-launcher", {
      type: "button", "aria-controls": "ic-panel", "aria-expanded": "false", "aria-label": "Open chat with infocoach"
    });
    launcher.appendChild(el("span", "ic-launcher-icon", { "aria-hidden": "true" }));
    frame.appendChild(launcher);

    // A reload keeps the panel as it was; only a click moves the focus into it.
    function setOpen(open) {
      ui.panel.hidden = !open;
      launcher.setAttribute("aria-expanded", String(open));
      launcher.setAttribute("aria-label", open ? "Close chat with infocoach" : "Open chat with infocoach");
      store.set(openKey, open ? "1" : "");
      if (open) start();
    }
    launcher.addEventListener("click", function () {
      setOpen(ui.panel.hidden);
      if (!ui.panel.hidden) ui.input.focus();
    });
    function closeAndReturn() { setOpen(false); launcher.focus(); }
    ui.close.addEventListener("click", closeAndReturn);
    ui.panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") closeAndReturn();
    });
    setOpen(store.get(openKey) === "1");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();
