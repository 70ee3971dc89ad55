// Keeps what was typed when the language switch is followed (issue 29, ADR 0035): the
// switch is a link to the same page in the other language, which the server renders
// afresh. Just before leaving, the fields of the page's forms are kept in this tab's
// session storage for that page, and the other language's page puts them back, once,
// within a minute. Passwords, files and hidden fields (the CSRF token, versions) are never
// kept. Without JavaScript the switch still works; what was typed is then lost.
(function () {
	'use strict';
	var KEY = 'prospectus.typed';
	var KEPT_FOR = 60 * 1000;
	var SKIPPED = ['hidden', 'password', 'file', 'submit', 'button', 'reset', 'image'];

	// The same page in every language shares its x-default address.
	function page() {
		var link = document.querySelector('link[rel=alternate][hreflang=x-default]');
		return link ? link.getAttribute('href') + window.location.search : null;
	}

	function fields() {
		return Array.prototype.filter.call(document.querySelectorAll('main form input, main form textarea, main form select'),
			function (field) {
				return field.name && field.name.charAt(0) !== '_' && SKIPPED.indexOf(field.type) < 0;
			});
	}

	function keep() {
		var typed = [];
		var seen = {};
		fields().forEach(function (field) {
			var index = seen[field.name] = (seen[field.name] === undefined) ? 0 : seen[field.name] + 1;
			var checkable = field.type === 'checkbox' || field.type === 'radio';
			typed.push([field.name, index, checkable ? field.checked : field.value]);
		});
		try {
			window.sessionStorage.setItem(KEY, JSON.stringify({ page: page(), at: Date.now(), fields: typed }));
		}
		catch (e) {
			// Storage full or refused: the switch works, what was typed is not kept.
		}
	}

	function restore() {
		var kept;
		try {
			kept = JSON.parse(window.sessionStorage.getItem(KEY));
			window.sessionStorage.removeItem(KEY);
		}
		catch (e) {
			return;
		}
		if (!kept || kept.page !== page() || Date.now() - kept.at > KEPT_FOR) {
			return;
		}
		var byName = {};
		fields().forEach(function (field) {
			(byName[field.name] = byName[field.name] || []).push(field);
		});
		kept.fields.forEach(function (entry) {
			var field = (byName[entry[0]] || [])[entry[1]];
			if (!field) {
				return;
			}
			if (field.type === 'checkbox' || field.type === 'radio') {
				field.checked = entry[2] === true;
			}
			else {
				field.value = entry[2];
			}
		});
	}

	document.querySelectorAll('.language-switch a[hreflang]').forEach(function (link) {
		link.addEventListener('click', keep);
	});
	restore();
}());
