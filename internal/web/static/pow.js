// The public tip line's anti-spam check (see internal/web/pow.go). It finds a
// nonce such that SHA-256(challenge + ":" + nonce) starts with the number of zero
// bits the form asks for (data-pow), while the reporter types, then hides the
// question that browsers without this script answer instead. No inline code: the
// page's Content-Security-Policy allows only scripts served by Bordermark.
(function () {
  "use strict";
  var form = document.querySelector("form[data-pow]");
  if (!form || !window.crypto || !window.crypto.subtle || !window.TextEncoder) {
    return; // no Web Crypto (for one, a page not served over HTTPS): the question stays
  }
  var bits = parseInt(form.getAttribute("data-pow"), 10);
  var challenge = form.elements.challenge.value;
  var nonceField = form.elements.nonce;
  var question = form.querySelector(".pow-question");
  var status = form.querySelector(".pow-status");
  var encoder = new TextEncoder();
  var done = false;
  var submitWhenDone = false;

  function zeroBits(bytes) {
    var n = 0;
    for (var i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0) { n += 8; continue; }
      var b = bytes[i];
      while ((b & 0x80) === 0) { n++; b <<= 1; }
      return n;
    }
    return n;
  }

  function show(text) {
    if (status) { status.textContent = text; status.hidden = false; }
  }

  function finish(nonce) {
    nonceField.value = String(nonce);
    done = true;
    if (question) { question.hidden = true; }
    show(status ? status.getAttribute("data-done") : "");
    if (submitWhenDone) { form.submit(); }
  }

  function search(start) {
    var tries = [];
    for (var i = 0; i < 256; i++) {
      tries.push(crypto.subtle.digest("SHA-256", encoder.encode(challenge + ":" + (start + i))));
    }
    Promise.all(tries).then(function (sums) {
      for (var i = 0; i < sums.length; i++) {
        if (zeroBits(new Uint8Array(sums[i])) >= bits) { finish(start + i); return; }
      }
      search(start + sums.length);
    }, function () { /* leave the question for the reporter */ });
  }

  form.addEventListener("submit", function (event) {
    var answered = form.elements.answer && form.elements.answer.value !== "";
    if (!done && !answered) {
      event.preventDefault();
      submitWhenDone = true;
      show(status ? status.getAttribute("data-working") : "");
    }
  });
  search(0);
})();
