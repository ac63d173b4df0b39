// retell's page script. Everything shown comes from scraped pages or a model, so this
// script only ever sets textContent and attributes, never HTML.
"use strict";

const TOKEN_KEY = "retell-token";

function say(text) {
  const status = document.getElementById("status");
  if (status) status.textContent = text;
}

function headers(extra) {
  const all = Object.assign({}, extra || {});
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) all.Authorization = "Bearer " + token;
  return all;
}

async function call(method, path, body) {
  const options = { method: method, headers: headers() };
  if (body instanceof FormData) {
    options.body = body;
  } else if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  const kind = response.headers.get("Content-Type") || "";
  const data = kind.includes("json") ? await response.json() : await response.text();
  if (!response.ok) {
    const line = data && data.error ? data.error.line : "HTTP " + response.status;
    throw new Error(line);
  }
  return data;
}

// ---------------------------------------------------------------- login

function setupLogin() {
  const form = document.getElementById("login-form");
  if (!form) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const token = document.getElementById("token").value;
    sessionStorage.setItem(TOKEN_KEY, token);
    try {
      await call("POST", "/v1/session");
      location.reload();
    } catch (error) {
      sessionStorage.removeItem(TOKEN_KEY);
      say(error.message);
    }
  });
}

// ---------------------------------------------------------------- new article

function setupPageForm() {
  const form = document.getElementById("page-form");
  if (!form) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = document.getElementById("page-text").value;
    const file = document.getElementById("page-file").files[0];
    const url = document.getElementById("page-url").value.trim();
    let body;
    if (file) {
      body = new FormData();
      body.append("file", file);
    } else if (url) {
      body = { url: url };
    } else {
      body = { text: text };
    }
    say("Cleaning…");
    try {
      const stored = await call("POST", "/v1/articles", body);
      location.href = "/articles/" + encodeURIComponent(stored.id);
    } catch (error) {
      say(error.message);
    }
  });
}

// ---------------------------------------------------------------- rewriting

function setupRewriteForm(articleId) {
  const form = document.getElementById("rewrite-form");
  if (!form) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const ask = {
      article: articleId,
      style: document.getElementById("style").value,
      ratio: Number(document.getElementById("ratio").value),
      sentences: Number(document.getElementById("sentences").value),
      backend: document.getElementById("backend").value,
    };
    try {
      const job = await call("POST", "/v1/rewrites", ask);
      follow(job.id, articleId);
    } catch (error) {
      say(error.message);
    }
  });
}

function follow(jobId, articleId) {
  const bar = document.getElementById("progress");
  bar.hidden = false;
  say("Rewriting…");
  const source = new EventSource("/v1/jobs/" + encodeURIComponent(jobId) + "/events");
  const update = (message) => {
    const job = JSON.parse(message.data);
    if (job.progress.total) {
      bar.max = job.progress.total;
      bar.value = job.progress.done;
      say("Rewriting: " + job.progress.done + " of " + job.progress.total + " pieces");
    }
    return job;
  };
  source.addEventListener("queued", update);
  source.addEventListener("running", update);
  source.addEventListener("done", (message) => {
    const job = update(message);
    source.close();
    say("Done.");
    location.href = "/articles/" + encodeURIComponent(articleId) + "?rewrite=" +
      encodeURIComponent(job.result);
  });
  source.addEventListener("failed", (message) => {
    const job = update(message);
    source.close();
    bar.hidden = true;
    say("The rewrite failed: " + job.error.message);
  });
}

// ---------------------------------------------------------------- review

let selected = null;

function highlight(spans) {
  for (const node of document.querySelectorAll(".source-sentence")) {
    const start = Number(node.dataset.start);
    const end = Number(node.dataset.end);
    const hit = spans.some((span) => span[0] < end && start < span[1]);
    node.classList.toggle("evidence", hit);
  }
  const first = document.querySelector(".source-sentence.evidence");
  if (first) first.scrollIntoView({ block: "nearest" });
}

function showDetail(sentence) {
  const detail = document.getElementById("detail");
  document.getElementById("detail-label").textContent = sentence.dataset.label;
  document.getElementById("detail-label").className = "badge label-" + sentence.dataset.label;
  document.getElementById("detail-reason").textContent = sentence.dataset.reason;
  document.getElementById("edit").value = sentence.textContent;
  detail.hidden = false;
}

function select(sentence) {
  if (selected) selected.setAttribute("aria-pressed", "false");
  selected = sentence;
  sentence.setAttribute("aria-pressed", "true");
  highlight(JSON.parse(sentence.dataset.spans));
  showDetail(sentence);
}

function applyVerdict(sentence, text, verdict) {
  sentence.textContent = text;
  sentence.dataset.label = verdict.label;
  sentence.dataset.reason = verdict.reason;
  sentence.dataset.spans = JSON.stringify(verdict.evidence.map((e) => [e.start, e.end]));
  sentence.className = "sentence edited label-" + verdict.label;
}

// The worst label of a re-checked text that may hold several sentences.
function worst(verdicts) {
  const rank = { supported: 0, unverified: 1, unsupported: 2, contradicted: 3 };
  return verdicts.reduce((a, b) => (rank[b.label] > rank[a.label] ? b : a));
}

async function recheck(articleId) {
  if (!selected) return;
  const text = document.getElementById("edit").value.trim();
  if (!text) return say("The sentence is empty.");
  say("Checking…");
  try {
    const report = await call("POST", "/v1/articles/" + encodeURIComponent(articleId) + "/check",
      { candidate: text });
    const verdict = worst(report.sentences);
    applyVerdict(selected, text, verdict);
    select(selected);
    say("Checked: " + verdict.label + ".");
  } catch (error) {
    say(error.message);
  }
}

function rewriteText() {
  const paragraphs = [];
  for (const paragraph of document.querySelectorAll("#rewrite .paragraph")) {
    const sentences = Array.from(paragraph.querySelectorAll(".sentence"), (s) => s.textContent);
    if (sentences.length) paragraphs.push(sentences.join(" "));
  }
  return paragraphs.join("\n\n");
}

async function exportAs(articleId, format) {
  const path = "/v1/articles/" + encodeURIComponent(articleId) + "/export";
  const data = await call("POST", path, { text: rewriteText(), format: format });
  const text = format === "json" ? JSON.stringify(data, null, 2) : data;
  const types = { markdown: "text/markdown", html: "text/html", json: "application/json" };
  const names = { markdown: "md", html: "html", json: "json" };
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type: types[format] }));
  link.download = "rewrite-" + articleId + "." + names[format];
  document.body.appendChild(link);
  link.click();
  link.remove();
  return text;
}

function setupReview(articleId) {
  for (const sentence of document.querySelectorAll("#rewrite .sentence")) {
    sentence.addEventListener("click", () => select(sentence));
    sentence.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        select(sentence);
      }
    });
  }
  const recheckButton = document.getElementById("recheck-button");
  if (recheckButton) recheckButton.addEventListener("click", () => recheck(articleId));
  const close = document.getElementById("close-detail");
  if (close) close.addEventListener("click", () => {
    document.getElementById("detail").hidden = true;
    highlight([]);
    if (selected) selected.focus();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && close) close.click();
  });
  for (const button of document.querySelectorAll("[data-export]")) {
    button.addEventListener("click", () => exportAs(articleId, button.dataset.export)
      .then(() => say("Downloaded."), (error) => say(error.message)));
  }
  const copy = document.getElementById("copy-button");
  if (copy) copy.addEventListener("click", async () => {
    try {
      const path = "/v1/articles/" + encodeURIComponent(articleId) + "/export";
      const text = await call("POST", path, { text: rewriteText(), format: "markdown" });
      await navigator.clipboard.writeText(text);
      say("Copied.");
    } catch (error) {
      say(error.message);
    }
  });
}

document.addEventListener("DOMContentLoaded", () => {
  setupLogin();
  setupPageForm();
  const article = document.getElementById("article");
  if (article) {
    setupRewriteForm(article.dataset.article);
    setupReview(article.dataset.article);
  }
});
