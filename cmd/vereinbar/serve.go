package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/config"
	"github.com/vereinbar/vereinbar/generator/server"
)

type serveOptions struct {
	addr string
	open bool
}

func newServeCmd(g *globalOptions) *cobra.Command {
	o := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve [VERZEICHNIS]",
		Short: "Projektdateien im Browser bearbeiten, prüfen und vergleichen (lokaler Webserver)",
		Long: `Startet einen lokalen Webserver für die Projektdateien (*.yaml) eines Verzeichnisses
(Standard: das aktuelle). Im Browser:

  - die Liste der Projekte mit Titel, Vertragsform, Parteien und Prüfergebnis;
    „Neu“ legt eine Projektdatei aus der Vorlage von „vereinbar init“ an,
  - ein Formular aus dem Schema der Projektdatei (oder der YAML-Text), geprüft mit
    denselben Meldungen wie auf der Kommandozeile, am jeweiligen Feld,
  - die Vorschau jedes Dokuments, die Kostenverteilung, die Befunde von „check“ und
    die Änderungen gegenüber der gespeicherten Fassung (mit Redline als DOCX),
  - Speichern (Kommentare und Reihenfolge der Datei bleiben erhalten; eine inzwischen
    auf der Festplatte geänderte Datei wird nicht überschrieben) und die Dokumente
    als DOCX, PDF und ZIP, genau wie „vereinbar generate“ sie schreibt.

Der Server lauscht standardmäßig nur auf 127.0.0.1 und hat keine Anmeldung: Wer ihn
erreicht, kann die Projektdateien des Verzeichnisses lesen und ändern. Eine andere
Adresse (--addr) gibt ihn im Netz frei; dann erscheint eine Warnung. Vorlagen kommen
aus den Einstellungen (vorlagen), nie aus dem Verzeichnis oder dem Browser.
Beenden mit Strg+C.`,
		Example: "  vereinbar serve\n" +
			"  vereinbar serve projekte --open\n" +
			"  vereinbar serve projekte --addr 127.0.0.1:9000",
		Annotations:       map[string]string{cancellable: "ja"},
		Args:              maxArgs(1, "höchstens ein Verzeichnis"),
		ValidArgsFunction: directories,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(cmd, g, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.addr, "addr", "127.0.0.1:8080", "Adresse des Servers (Host:Port); nur 127.0.0.1 oder localhost ist ohne Warnung")
	f.BoolVar(&o.open, "open", false, "die Seite im Browser öffnen (xdg-open)")
	valueName(f, "addr", "HOST:PORT")
	completeFlag(cmd, "addr", cobra.NoFileCompletions)
	settingFlags(cmd, "ks_tabellen", "vorlagen", "vorlagen_max_mib", "formate", "redline_autor", "redline_datum")
	return cmd
}

func runServe(cmd *cobra.Command, g *globalOptions, o *serveOptions, args []string) error {
	dir := "."
	if len(args) == 1 {
		dir = args[0]
	}
	if st, err := os.Stat(dir); err != nil {
		return errors.New(pathProblem(dir, err) + ". Ein Verzeichnis mit Projektdateien angeben")
	} else if !st.IsDir() {
		return usagef("„%s“ ist kein Verzeichnis; „vereinbar serve“ bearbeitet die Projektdateien eines Verzeichnisses", dir)
	}
	host, _, err := net.SplitHostPort(o.addr)
	if err != nil {
		return usagef("--addr: „%s“ ist keine Adresse der Form Host:Port, z. B. 127.0.0.1:8080", o.addr)
	}
	gen, cfg, err := g.newGenerator(cmd)
	if err != nil {
		return err
	}
	formats, err := generator.ParseFormats(strings.ToLower(cfg.Get("formate")))
	if err != nil {
		return usagef("%s: %v", cfg.Origin("formate"), err)
	}
	var redlineDate time.Time
	if v := cfg.Get("redline_datum"); v != "" {
		if redlineDate, err = config.ParseDate(v); err != nil {
			return usagef("%s: %v", cfg.Origin("redline_datum"), err)
		}
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("--addr %s: %w", o.addr, err)
	}
	defer ln.Close()
	addr := ln.Addr().String()
	stderr := cmd.ErrOrStderr()
	s, err := server.New(server.Options{
		Dir: dir, Addr: addr, Names: hostNames(host), Generator: gen, Formats: formats, RedlineAuthor: cfg.Get("redline_autor"), RedlineDate: redlineDate,
		Log: log.New(stderr, "vereinbar serve: ", log.LstdFlags),
	})
	if err != nil {
		return err
	}
	if !loopback(host) {
		fmt.Fprintf(stderr, "Warnung: Der Server ist unter %s auch aus dem Netz erreichbar und hat keine Anmeldung. "+
			"Jeder, der ihn erreicht, kann die Projektdateien in %s lesen und ändern. Nur in einem vertrauenswürdigen Netz verwenden.\n", addr, s.Dir())
	}
	url := "http://" + displayAddr(addr) + "/"
	fmt.Fprintf(cmd.OutOrStdout(), "vereinbar serve: %s (Verzeichnis %s). Beenden mit Strg+C.\n", url, s.Dir())
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute, WriteTimeout: 2 * time.Minute, ErrorLog: log.New(io.Discard, "", 0)}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	if o.open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(stderr, "Der Browser ließ sich nicht öffnen (%v); bitte %s selbst aufrufen.\n", err, url)
		}
	}
	select {
	case err := <-done:
		return err
	case <-cmd.Context().Done():
	}
	// Finish the requests under way, then stop.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		return fmt.Errorf("Server nicht geordnet beendet: %w", err)
	}
	fmt.Fprintln(cmd.OutOrStdout(), "vereinbar serve: beendet.")
	return nil
}

// loopback reports whether a host name or address reaches this machine
// only.
func loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// hostNames is the host of --addr when it is a name, not an address: the
// server's Host check then admits it too.
func hostNames(host string) []string {
	if host == "" || net.ParseIP(host) != nil {
		return nil
	}
	return []string{host}
}

// displayAddr is the address to show and open: an unspecified host
// (0.0.0.0, [::]) becomes 127.0.0.1.
func displayAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}

// openBrowser opens url in the desktop's browser without waiting for it.
func openBrowser(url string) error {
	var c *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		c = exec.Command("open", url)
	case "windows":
		c = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		c = exec.Command("xdg-open", url)
	}
	if err := c.Start(); err != nil {
		return err
	}
	go c.Wait()
	return nil
}

// maxArgs is cobra.MaximumNArgs with a usage error and a German message.
func maxArgs(n int, what string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) > n {
			return usagef("erwartet %s, erhalten: %d Argumente", what, len(args))
		}
		return nil
	}
}
