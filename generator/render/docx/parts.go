package docx

import (
	"strings"
	"time"

	"github.com/vereinbar/vereinbar/generator/model"
)

// part is one file of the package.
type part struct {
	name        string // zip path without leading slash
	contentType string // "" for parts covered by a Default (the .rels files)
	data        []byte
	// static parts are the same in most documents (styles, settings,
	// relationships …): a Renderer compresses them once.
	static bool
}

const (
	xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

	nsW   = `http://schemas.openxmlformats.org/wordprocessingml/2006/main`
	nsR   = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	nsRel = `http://schemas.openxmlformats.org/package/2006/relationships`

	ctPrefix = `application/vnd.openxmlformats-officedocument.wordprocessingml.`
	relType  = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`

	defaultLang = "de-DE"
)

// Part names in the order they are written to the zip. [Content_Types].xml
// comes first, as Word and most tools expect.
const (
	pathContentTypes = "[Content_Types].xml"
	pathRootRels     = "_rels/.rels"
	pathCore         = "docProps/core.xml"
	pathApp          = "docProps/app.xml"
	pathDocument     = "word/document.xml"
	pathDocRels      = "word/_rels/document.xml.rels"
	pathStyles       = "word/styles.xml"
	pathSettings     = "word/settings.xml"
	pathFontTable    = "word/fontTable.xml"
	pathHeader       = "word/header1.xml"
	pathFooter       = "word/footer1.xml"
)

// contentTypes lists a Default for .rels and an Override for every other
// part, so the list cannot drift from the parts actually written.
func contentTypes(parts []part) []byte {
	var x xw
	x.raw(xmlDecl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>`)
	for _, p := range parts {
		if p.contentType == "" {
			continue
		}
		x.raw(`<Override`)
		x.attr("PartName", "/"+p.name)
		x.attr("ContentType", p.contentType)
		x.raw(`/>`)
	}
	x.raw(`</Types>`)
	return x.bytes()
}

const rootRels = xmlDecl + `<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rId1" Type="` + relType + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relType + `extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

// Relationship ids of document.xml; the header and footer ids are used in
// its sectPr.
const (
	ridHeader = "rId4"
	ridFooter = "rId5"
)

const docRels = xmlDecl + `<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rId1" Type="` + relType + `styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="` + relType + `settings" Target="settings.xml"/>` +
	`<Relationship Id="rId3" Type="` + relType + `fontTable" Target="fontTable.xml"/>` +
	`<Relationship Id="` + ridHeader + `" Type="` + relType + `header" Target="header1.xml"/>` +
	`<Relationship Id="` + ridFooter + `" Type="` + relType + `footer" Target="footer1.xml"/>` +
	`</Relationships>`

const appXML = xmlDecl + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
	`xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
	`<Application>vereinbar</Application><DocSecurity>0</DocSecurity></Properties>`

const fontTableXML = xmlDecl + `<w:fonts xmlns:w="` + nsW + `">` +
	`<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/>` +
	`<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>` +
	`</w:fonts>`

// settingsXML keeps CT_Settings' element order, which Word enforces.
func settingsXML(lang string) []byte {
	var x xw
	x.raw(xmlDecl + `<w:settings xmlns:w="` + nsW + `">` +
		`<w:zoom w:percent="100"/><w:defaultTabStop w:val="709"/>` +
		`<w:characterSpacingControl w:val="doNotCompress"/>` +
		`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
		`<w:themeFontLang`)
	x.attr("w:val", lang)
	x.raw(`/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>`)
	return x.bytes()
}

// coreXML writes the core properties. Dates come from meta.Date and are
// left out when it is zero; the renderer never reads the clock.
func coreXML(m cleanMeta) []byte {
	var x xw
	x.raw(xmlDecl + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	elem := func(name, value string) {
		x.raw("<" + name + ">")
		x.escaped(value)
		x.raw("</" + name + ">")
	}
	elem("dc:title", m.title)
	elem("dc:subject", m.subject)
	elem("dc:creator", m.author)
	elem("cp:keywords", m.keywords)
	elem("dc:language", m.lang)
	if !m.date.IsZero() {
		d := m.date.UTC().Format("2006-01-02T15:04:05Z")
		x.raw(`<dcterms:created xsi:type="dcterms:W3CDTF">` + d + `</dcterms:created>`)
		x.raw(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + d + `</dcterms:modified>`)
	}
	x.raw(`</cp:coreProperties>`)
	return x.bytes()
}

// cleanMeta is model.Meta with every text validated and normalised.
type cleanMeta struct {
	title, short, subject, author, keywords, lang string
	date                                          time.Time
}

func newCleanMeta(m model.Meta) (cleanMeta, error) {
	c := cleanMeta{date: m.Date, lang: m.Language}
	if c.lang == "" {
		c.lang = defaultLang
	}
	fields := []struct {
		name string
		in   string
		out  *string
	}{
		{"Titel", m.Title, &c.title},
		{"Kurztitel", m.ShortTitle, &c.short},
		{"Betreff", m.Subject, &c.subject},
		{"Verfasser", m.Author, &c.author},
		{"Schlagwörter", strings.Join(m.Keywords, "; "), &c.keywords},
		{"Sprache", c.lang, &c.lang},
	}
	for _, f := range fields {
		s, err := clean(f.in)
		if err != nil {
			return c, wrapWhere(err, "Metadaten: "+f.name)
		}
		*f.out = s
	}
	return c, nil
}
