/* The standalone quiz: builds the page from the JSON data block, with text nodes only
   (no HTML parsing anywhere), so nothing in an article can become markup. Evidence shows only
   after a question is answered, or at once in the teacher view. The student page holds no
   key in plain sight: a question's right choice is known by its salted hash ("check"), and
   its reason and evidence are sealed with the right choice's text (quiz_page._seal); they
   are opened only once the student has answered. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("cc-quiz-data").textContent);
  var root = document.getElementById("cc-quiz");
  var letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  var state = { answered: 0, right: 0 };

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function quote(list, into) {
    list.forEach(function (ev) {
      var block = el("blockquote");
      block.appendChild(el("span", "cc-outlet", ev.outlet + (ev.where ? " \u00b7 " + ev.where : "")));
      block.appendChild(document.createTextNode(ev.text));
      into.appendChild(block);
    });
  }

  function fnv(text) {  /* 32-bit FNV-1a of the UTF-8 bytes, as quiz_page._fnv */
    var bytes = new TextEncoder().encode(text), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h;
  }

  function unseal(q) {  /* the teacher view has it in plain; the student page opens it */
    if (!q.sealed) return q;
    var right = -1;
    q.choices.forEach(function (c, k) {
      if (("0000000" + fnv(q.salt + "|check|" + c).toString(16)).slice(-8) === q.check) right = k;
    });
    var secret = q.salt + q.choices[right], raw = atob(q.sealed);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i += 4) {
      var block = fnv(secret + ":" + i / 4);
      for (var b = 0; b < 4 && i + b < raw.length; b++) {
        bytes[i + b] = raw.charCodeAt(i + b) ^ ((block >>> (8 * b)) & 255);
      }
    }
    var opened = JSON.parse(new TextDecoder().decode(bytes));
    return { answer: right, explanation: opened.explanation, evidence: opened.evidence };
  }

  var score = el("div", "cc-score");
  score.id = "cc-score";
  function showScore() {
    score.textContent = "Score: " + state.right + " of " + data.questions.length +
      " (" + state.answered + " answered)";
  }
  root.appendChild(score);
  showScore();

  var texts = el("details", "cc-texts-box");
  texts.open = true;
  texts.appendChild(el("summary", null, "The versions: read them first"));
  var grid = el("div", "cc-texts");
  data.versions.forEach(function (version) {
    var article = el("article", "cc-version");
    article.appendChild(el("h3", null, version.name));
    if (version.title) article.appendChild(el("p", "cc-headline", version.title));
    var list = el("ol");
    version.paragraphs.forEach(function (p) { list.appendChild(el("li", null, p)); });
    article.appendChild(list);
    grid.appendChild(article);
  });
  texts.appendChild(grid);
  root.appendChild(texts);

  data.questions.forEach(function (q, n) {
    var box = el("div", "cc-exercise");
    box.id = q.id;
    box.appendChild(el("div", "cc-kind", q.title));
    box.appendChild(el("p", "cc-prompt", (n + 1) + ". " + q.prompt));
    quote(q.shown, box);
    var long = q.choices.some(function (c) { return c.length > 60; });
    if (long) {
      var listed = el("ol", "cc-choices cc-long");
      q.choices.forEach(function (c, k) { listed.appendChild(el("li", null, letters[k] + ". " + c)); });
      box.appendChild(listed);
    }
    var buttons = el("div", "cc-answer-buttons");
    var feedback = el("div", "cc-feedback");
    var evidence = el("div", "cc-evidence");
    evidence.hidden = !data.teacher;
    q.choices.forEach(function (c, k) {
      var button = el("button", null, long ? letters[k] : letters[k] + ". " + c);
      button.type = "button";
      button.addEventListener("click", function () { answer(k); });
      buttons.appendChild(button);
    });
    function answer(k) {
      if (box.dataset.answered) return;  /* the first answer counts */
      box.dataset.answered = "yes";
      var known = unseal(q);
      var right = k === known.answer;
      state.answered += 1;
      if (right) state.right += 1;
      Array.prototype.forEach.call(buttons.children, function (button, i) {
        button.disabled = true;
        if (i === k) button.classList.add("cc-picked", right ? "cc-right" : "cc-wrong");
        if (i === known.answer) button.classList.add("cc-right");
      });
      var verdict = right ? "Right. " :
        "Not quite: the answer is " + letters[known.answer] + ". " + q.choices[known.answer] + ". ";
      feedback.appendChild(el("strong", right ? "cc-verdict-right" : "cc-verdict-wrong", verdict));
      feedback.appendChild(document.createTextNode(known.explanation));
      if (!data.teacher) quote(known.evidence, evidence);
      evidence.hidden = false;
      showScore();
    }
    box.appendChild(buttons);
    box.appendChild(feedback);
    if (data.teacher) {
      var key = el("p", "cc-explanation");
      key.appendChild(el("strong", null, "Answer: " + letters[q.answer] + ". " + q.choices[q.answer]));
      key.appendChild(document.createTextNode(" " + q.explanation));
      box.appendChild(key);
    }
    evidence.appendChild(el("div", "cc-kind", "Evidence"));
    if (data.teacher) quote(q.evidence, evidence);
    box.appendChild(evidence);
    root.appendChild(box);
  });
})();
