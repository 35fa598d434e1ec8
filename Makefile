# Installs smbtriage: `make install PREFIX=/usr/local` (and DESTDIR for packaging), `make uninstall`.
# `make install` builds a release binary and its man page, then runs `install-files`, which installs
# a binary that is already built (BINARY) with its shell completions and man page (MANPAGE).
# `make install-service` adds the systemd unit for `smbtriage watch`.
#
# The binary finds its resource bundles (the rule) beside its real path, so it goes to
# PREFIX/lib/smbtriage with them, and PREFIX/bin/smbtriage is a link to it; `smbtriage demo` finds
# demo-data/ there too.

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
CONFIGURATION ?= release

BINARY ?= .build/$(CONFIGURATION)/smbtriage
RESOURCES = $(filter-out %Tests.resources,$(wildcard $(dir $(BINARY))*.resources))
# Written by swift-argument-parser's generate-manual plugin.
MANPAGE ?= .build/plugins/GenerateManual/outputs/smbtriage/smbtriage.1
UNIT = contrib/systemd/smbtriage-watch.service

bindir = $(PREFIX)/bin
libdir = $(PREFIX)/lib/smbtriage
mandir = $(PREFIX)/share/man/man1
bashcompletiondir = $(PREFIX)/share/bash-completion/completions
zshcompletiondir = $(PREFIX)/share/zsh/site-functions
fishcompletiondir = $(PREFIX)/share/fish/vendor_completions.d
unitdir = $(PREFIX)/lib/systemd/system

INSTALLED = $(bindir)/smbtriage $(mandir)/smbtriage.1 $(bashcompletiondir)/smbtriage \
	$(zshcompletiondir)/_smbtriage $(fishcompletiondir)/smbtriage.fish

.PHONY: install build install-files install-service uninstall

install: build
	$(MAKE) install-files

build:
	$(SWIFT) build -c $(CONFIGURATION) --product smbtriage
	$(SWIFT) package plugin generate-manual --configuration $(CONFIGURATION)

install-files:
	install -d $(DESTDIR)$(bindir) $(DESTDIR)$(libdir) $(DESTDIR)$(mandir) $(DESTDIR)$(bashcompletiondir) \
		$(DESTDIR)$(zshcompletiondir) $(DESTDIR)$(fishcompletiondir)
	install -m 755 $(BINARY) $(DESTDIR)$(libdir)/smbtriage
	rm -rf $(addprefix $(DESTDIR)$(libdir)/,$(notdir $(RESOURCES)))
	cp -R $(RESOURCES) $(DESTDIR)$(libdir)/
	rm -rf $(DESTDIR)$(libdir)/demo-data
	cp -R demo-data $(DESTDIR)$(libdir)/
	ln -sf ../lib/smbtriage/smbtriage $(DESTDIR)$(bindir)/smbtriage
	install -m 644 $(MANPAGE) $(DESTDIR)$(mandir)/smbtriage.1
	$(BINARY) --generate-completion-script bash > $(DESTDIR)$(bashcompletiondir)/smbtriage
	$(BINARY) --generate-completion-script zsh > $(DESTDIR)$(zshcompletiondir)/_smbtriage
	$(BINARY) --generate-completion-script fish > $(DESTDIR)$(fishcompletiondir)/smbtriage.fish

install-service:
	install -d $(DESTDIR)$(unitdir)
	sed 's|/usr/local/bin/smbtriage|$(bindir)/smbtriage|g' $(UNIT) > $(DESTDIR)$(unitdir)/smbtriage-watch.service
	chmod 644 $(DESTDIR)$(unitdir)/smbtriage-watch.service
	@echo "then: systemctl daemon-reload && systemctl edit smbtriage-watch && systemctl enable --now smbtriage-watch"

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED) $(unitdir)/smbtriage-watch.service)
	rm -rf $(DESTDIR)$(libdir)
