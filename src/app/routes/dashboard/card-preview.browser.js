// Runs in the dashboard's browser page: draws this week's card with Microsoft's Adaptive Cards
// renderer (served from /dashboard/assets). Plain script, no build step; see card-preview.tsx.
(function () {
  'use strict';
  var target = document.getElementById('ac-rendered');
  var status = document.getElementById('ac-status');
  var data = document.getElementById('ac-card-data');
  var text = document.getElementById('ac-text');
  if (!target || !status || !data) return;

  function fail(message) {
    status.textContent = message + ' The text version of the card is shown below instead.';
    status.hidden = false;
    if (text) text.open = true;
  }

  var AC = window.AdaptiveCards;
  if (!AC || !AC.AdaptiveCard) {
    fail('The Adaptive Cards renderer did not load, so the card could not be drawn.');
    return;
  }

  var escapeHtml = function (s) {
    return s.replace(/[&<>"']/g, function (ch) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[ch];
    });
  };
  // Our cards carry no Markdown on purpose: plain() escapes what Teams would format. Undo those
  // escapes and emit text only, so nothing in the card can become HTML here.
  AC.AdaptiveCard.onProcessMarkdown = function (md, result) {
    result.outputHtml = escapeHtml(md.replace(/\\([\\`*_[\]<>#])/g, '$1'));
    result.didProcess = true;
  };

  try {
    var payload = JSON.parse(data.textContent || '{}');
    var card = new AC.AdaptiveCard();
    card.hostConfig = new AC.HostConfig(payload.hostConfig);
    // Buttons act only in Teams; here they do nothing.
    card.onExecuteAction = function () {};
    card.parse(payload.card);
    var rendered = card.render();
    if (!rendered) throw new Error('the renderer returned nothing');
    target.appendChild(rendered);
    target.setAttribute('data-rendered', 'true');
    // The card is on screen; its text version stays one click away, below it.
    if (text) text.open = false;
  } catch (error) {
    fail('The card could not be drawn (' + (error && error.message ? error.message : String(error)) + ').');
  }
})();
