#pragma once
// Citizen pages: mustache templates (libmstch) embedded in the binary, the catalog's
// "portal" strings as {{t.…}}, one layout. Everything is HTML-escaped unless a template
// says {{{…}}}.
#include <mstch/mstch.hpp>

#include <string>

#include "http/message.hpp"
#include "http/router.hpp"

namespace antq::portal {

// The language of a citizen page: ?lang=vi|en, else the browser's Accept-Language.
i18n::Locale page_locale(const http::Request& req);

// Context shared by every page: t (catalog), site_name and site_href (the header's link,
// the mailbox's unless a page sets its own), lang_query, lang_amp, lang_en.
mstch::map base_context(i18n::Locale locale);

// The same for the camera pages (/camera…): the header names the camera programme.
mstch::map camera_context(i18n::Locale locale);

// Renders `page` into the layout (other templates are partials: {{> name}}). `title` is already in the page's language.
http::Response render_page(const std::string& page, mstch::map context, i18n::Locale locale, const std::string& title,
                           const std::string& path, int status = 200);

// The options of every citizen route: no client address in the logs, their own pool.
inline const http::RouteOptions kCitizen{.blocking = true, .log_client = false, .citizen_pool = true};

// Citizens get a page, never problem+json: the same titles, in HTML; its language link
// goes to `path` (the page's own, without any token).
http::Handler html_errors(http::Handler handler, std::string path = "/hom-thu");

// A catalog string of the "portal" section with {{name}} placeholders filled.
std::string text(i18n::Locale locale, const std::string& key, const std::map<std::string, std::string>& values = {});

}  // namespace antq::portal
