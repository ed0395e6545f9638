package server

import (
	"crypto/subtle"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"os"
	"strings"
)

// CSP is the Content-Security-Policy of every response: nothing but the
// server's own scripts, styles and images (and data: images); no inline
// script or style, no framing, no <base>, forms only to the server.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

// CSRFHeader is the header every POST carries the token in; a form posted
// by the browser without script carries it in the field CSRFField.
const (
	CSRFHeader = "X-CSRF-Token"
	CSRFField  = "csrf"
)

// secure is the security chain around the routes, outermost first.
func (s *Server) secure(h http.Handler) http.Handler {
	return headers(s.checkHost(limitBody(s.maxBody, sameOrigin(s.checkToken(h)))))
}

// headers sets the strict response headers on every response, also on
// refusals.
func headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Content-Type-Options", "nosniff")
		// same-origin, not no-referrer: under no-referrer Chromium sends
		// "Origin: null" with every POST of our own pages (Fetch standard,
		// "serializing a request origin"), which sameOrigin must refuse;
		// other sites still get no referrer.
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// checkHost refuses (421) a request whose Host header is not one of the
// server's names: a page of another site that a DNS-rebinding attack has
// pointed at 127.0.0.1 still sends its own host name.
func (s *Server) checkHost(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.hosts[strings.ToLower(r.Host)] {
			errorPage(w, http.StatusMisdirectedRequest, fmt.Sprintf("Der Hostname „%s“ gehört nicht zu diesem Server; die Seite über die Adresse aufrufen, die „vereinbar serve“ nennt.", r.Host))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// limitBody refuses (413) a body declared larger than max and cuts off
// one that turns out larger while it is read (the handler then answers
// 413, see Server.status).
func limitBody(max int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > max {
			refuse(w, r, http.StatusRequestEntityTooLarge, tooLarge(max))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, max)
		next.ServeHTTP(w, r)
	})
}

func tooLarge(max int64) string {
	return fmt.Sprintf("Die Anfrage ist größer als %d KiB und wird nicht angenommen.", max>>10)
}

// safe reports whether a request changes nothing (GET, HEAD); every other
// method must pass the origin and token checks.
func safe(r *http.Request) bool { return r.Method == http.MethodGet || r.Method == http.MethodHead }

// sameOrigin refuses (403) a state-changing request from another origin:
// its Origin header must be this server's origin (the scheme and the Host
// the request names, which checkHost has admitted); without Origin, the
// browser's Sec-Fetch-Site must say same-origin. A request with neither
// comes from no browser page of ours.
func sameOrigin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !safe(r) {
			origin := r.Header.Get("Origin")
			switch {
			case origin != "":
				if !strings.EqualFold(origin, "http://"+r.Host) {
					refuse(w, r, http.StatusForbidden, fmt.Sprintf("Anfragen von „%s“ werden nicht angenommen; nur die Seiten dieses Servers dürfen ändern.", origin))
					return
				}
			case r.Header.Get("Sec-Fetch-Site") != "same-origin":
				refuse(w, r, http.StatusForbidden, "Anfrage ohne Herkunftsangabe (Origin) wird nicht angenommen.")
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// checkToken refuses (403) a state-changing request without this server's
// CSRF token, compared in constant time.
func (s *Server) checkToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !safe(r) {
			tok := r.Header.Get(CSRFHeader)
			if tok == "" && strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
				// The form is read here, before any handler: a body over
				// the limit (sent chunked, so limitBody could not see its
				// size) is answered 413, not taken for a missing token.
				if err := r.ParseForm(); err != nil {
					var mb *http.MaxBytesError
					if errors.As(err, &mb) {
						refuse(w, r, http.StatusRequestEntityTooLarge, tooLarge(mb.Limit))
					} else {
						refuse(w, r, http.StatusBadRequest, "Die Formulardaten der Anfrage sind nicht lesbar.")
					}
					return
				}
				tok = r.PostFormValue(CSRFField)
			}
			if subtle.ConstantTimeCompare([]byte(tok), []byte(s.token)) != 1 {
				refuse(w, r, http.StatusForbidden, "Sicherheitsmerkmal (CSRF-Token) fehlt oder ist ungültig; die Seite neu laden.")
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// refuse answers a refused request: JSON for the API and for a request
// that is or asks for JSON (see wantsJSON), else a page.
func refuse(w http.ResponseWriter, r *http.Request, code int, msg string) {
	if wantsJSON(r) {
		writeJSON(w, code, map[string]string{"meldung": msg})
		return
	}
	errorPage(w, code, msg)
}

// wantsJSON reports whether a failure is answered as JSON: a request of
// the API, one whose body is JSON, or one that accepts JSON and no HTML
// (a script's fetch); a browser's page request accepts text/html.
func wantsJSON(r *http.Request) bool {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		return true
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "application/json" {
		return true
	}
	accept := r.Header.Get("Accept")
	return strings.Contains(accept, "application/json") && !strings.Contains(accept, "text/html")
}

// allowedHosts are the Host headers a server at addr accepts: addr
// itself, and localhost, 127.0.0.1, [::1] and the further names with its
// port. For an unspecified address (0.0.0.0, [::]) also the machine's
// addresses and its host name, with the port.
func allowedHosts(addr string, more ...string) (map[string]bool, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil || port == "" || port == "0" {
		return nil, fmt.Errorf("Adresse „%s“: Host und Port erwartet, z. B. 127.0.0.1:8080", addr)
	}
	names := append([]string{host, "localhost", "127.0.0.1", "::1"}, more...)
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		if as, err := net.InterfaceAddrs(); err == nil {
			for _, a := range as {
				if n, ok := a.(*net.IPNet); ok {
					names = append(names, n.IP.String())
				}
			}
		}
		if h, err := os.Hostname(); err == nil {
			names = append(names, h)
		}
	}
	out := map[string]bool{}
	for _, n := range names {
		if n == "" {
			continue
		}
		out[strings.ToLower(net.JoinHostPort(n, port))] = true
		if port == "80" { // the browser leaves out the default port
			if strings.Contains(n, ":") {
				n = "[" + n + "]"
			}
			out[strings.ToLower(n)] = true
		}
	}
	return out, nil
}
