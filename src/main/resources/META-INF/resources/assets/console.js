// The console's small progressive enhancements; every page works without them.
(function () {
  'use strict';

  // Impersonation banner: count the minutes down while the page stays open.
  function countdown() {
    var el = document.querySelector('[data-expires-minutes]');
    if (!el) { return; }
    var ends = Date.now() + parseInt(el.getAttribute('data-expires-minutes'), 10) * 60000;
    setInterval(function () {
      var left = Math.max(0, Math.ceil((ends - Date.now()) / 60000));
      el.textContent = left === 0 ? 'time is up: reload the page' : left + (left === 1 ? ' minute left' : ' minutes left');
    }, 15000);
  }

  // WCAG relative luminance and contrast, as the server computes them (io.tidewatch.branding.Contrast).
  function channel(v) { v = v / 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
  function luminance(hex) {
    var n = parseInt(hex.slice(1), 16);
    return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  }
  function ratio(a, b) {
    var x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }
  function readable(bg) { return ratio(bg, '#FFFFFF') >= ratio(bg, '#111827') ? '#FFFFFF' : '#111827'; }
  var HEX = /^#[0-9a-fA-F]{6}$/;

  // Branding editor: colour pickers and hex fields stay in step, and the login preview follows every change.
  function brandingPreview() {
    var preview = document.querySelector('[data-brand-preview]');
    if (!preview) { return; }
    function apply(name, value, fallback) {
      var colour = HEX.test(value) ? value.toUpperCase() : fallback;
      var text = readable(colour);
      preview.style.setProperty('--p-' + name, colour);
      preview.style.setProperty('--p-on-' + name, text);
      var out = document.getElementById(name + '-contrast');
      if (out) {
        var r = ratio(colour, text);
        out.textContent = 'Text on this colour: ' + (text === '#FFFFFF' ? 'white' : 'near-black') + ', contrast '
          + r.toFixed(2) + ':1' + (r >= 4.5 ? ' (meets WCAG AA)' : ' (below WCAG AA 4.5:1: small text will be hard to read)');
      }
    }
    ['primary', 'secondary'].forEach(function (name) {
      var text = document.getElementById(name + '_color');
      var picker = document.getElementById(name + '_picker');
      if (!text) { return; }
      var fallback = preview.getAttribute('data-default-' + name);
      if (picker) {
        picker.hidden = false;
        picker.addEventListener('input', function () { text.value = picker.value.toUpperCase(); apply(name, text.value, fallback); });
      }
      text.addEventListener('input', function () {
        if (picker && HEX.test(text.value)) { picker.value = text.value.toLowerCase(); }
        apply(name, text.value, fallback);
      });
      apply(name, text.value, fallback);
    });
    var from = document.getElementById('from_name');
    var title = preview.querySelector('[data-preview-name]');
    if (from && title) {
      var original = title.textContent;
      from.addEventListener('input', function () { title.textContent = from.value.trim() || original; });
    }
  }

  // Live fragments: a region with data-poll-url is refreshed from that URL every few seconds. A redirect (the session
  // ended: the login page) or an error leaves the region as it was.
  function polling() {
    document.querySelectorAll('[data-poll-url]').forEach(function (region) {
      var url = region.getAttribute('data-poll-url');
      var seconds = Math.max(2, parseInt(region.getAttribute('data-poll-seconds') || '5', 10));
      var busy = false;
      setInterval(function () {
        if (busy || document.hidden) { return; }
        busy = true;
        fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
          .then(function (r) { return r.ok && !r.redirected ? r.text() : null; })
          .then(function (html) {
            if (html !== null && html !== region.innerHTML) { region.innerHTML = html; }
          })
          .catch(function () { /* the next tick tries again */ })
          .then(function () { busy = false; });
      }, seconds * 1000);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    countdown();
    brandingPreview();
    polling();
  });
})();
