// Counts the words of a textarea as they are typed, into the counter the server already
// wrote (so that the page says the same without JavaScript, after each save). Words are
// runs of non-space, as the server counts them. The counter is a polite live region, and
// is updated a moment after typing stops so that a screen reader is not flooded.
(function () {
	'use strict';
	document.querySelectorAll('textarea[data-word-limit]').forEach(function (field) {
		var counter = document.getElementById(field.id + '-count');
		if (!counter) {
			return;
		}
		var limit = parseInt(field.getAttribute('data-word-limit'), 10);
		var format = new Intl.NumberFormat(document.documentElement.lang || undefined);
		var timer;
		function update() {
			var text = field.value.trim();
			var words = text === '' ? 0 : text.split(/\s+/).length;
			var left = limit - words;
			var message;
			if (left === 1) {
				message = counter.dataset.leftOne;
			} else if (left >= 0) {
				message = counter.dataset.left.replace('{n}', format.format(left));
			} else if (left === -1) {
				message = counter.dataset.overOne;
			} else {
				message = counter.dataset.over.replace('{n}', format.format(-left));
			}
			counter.textContent = message;
			counter.classList.toggle('text-danger', left < 0);
		}
		field.addEventListener('input', function () {
			clearTimeout(timer);
			timer = setTimeout(update, 400);
		});
	});
})();
