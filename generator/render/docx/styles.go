package docx

// Style ids used in document.xml, header and footer.
const (
	styleTitle     = "Title"
	styleSubtitle  = "Subtitle"
	styleCentered  = "Centered"
	styleNote      = "Note"
	styleTableText = "TableText"
	// styleTableTextSmall is the text of a small table (model.Table.Small).
	styleTableTextSmall = "TableTextSmall"
	styleCaption        = "Caption"
	styleTableEnd       = "TableEnd"
	styleSigLine        = "SignatureLine"
	styleSigCap         = "SignatureCaption"
	styleSigText        = "SignatureText"
	styleHeader         = "Header"
	styleFooter         = "Footer"
)

// Font sizes are in half points, spacing in twips. Line spacing 276/240 is
// Word's "multiple 1.15". Element order inside pPr and rPr follows the
// schema, which Word enforces.
const stylesHead = xmlDecl + `<w:styles xmlns:w="` + nsW + `">` +
	`<w:docDefaults><w:rPrDefault><w:rPr>` +
	`<w:rFonts w:ascii="Arial" w:eastAsia="Arial" w:hAnsi="Arial" w:cs="Arial"/>` +
	`<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang`

const stylesTail = `/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>` +
	`</w:docDefaults>` +

	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:widowControl/><w:jc w:val="both"/></w:pPr></w:style>` +

	`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>` +
	`<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` +

	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>` +
	`<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
	`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>` +
	`<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>` +
	`</w:tblCellMar></w:tblPr></w:style>` +

	`<w:style w:type="paragraph" w:styleId="` + styleTitle + `"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>` +
	`<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="240"/>` +
	`<w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>` +

	`<w:style w:type="paragraph" w:styleId="` + styleSubtitle + `"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/>` +
	`<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:after="360"/>` +
	`<w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>` +

	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>` +
	`<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/>` +
	`<w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>` +
	`<w:rPr><w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>` +

	`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>` +
	`<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/>` +
	`<w:jc w:val="left"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>` +

	`<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/>` +
	`<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="60"/>` +
	`<w:jc w:val="left"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr></w:style>` +

	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="` + styleCentered + `"><w:name w:val="Centered"/>` +
	`<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>` +

	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="` + styleNote + `"><w:name w:val="Note"/>` +
	`<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60" w:line="240" w:lineRule="auto"/></w:pPr>` +
	`<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>` +

	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="` + styleTableText + `"><w:name w:val="Table Text"/>` +
	`<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/>` +
	`<w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>` +

	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="` + styleTableTextSmall + `"><w:name w:val="Table Text Small"/>` +
	`<w:basedOn w:val="` + styleTableText + `"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr>` +
	`<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>` +

	`<w:style w:type="paragraph" w:styleId="` + styleCaption + `"><w:name w:val="caption"/><w:basedOn w:val="Normal"/>` +
	`<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/>` +
	`<w:jc w:val="left"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>` +

	// The empty paragraph after every table: it keeps two tables from
	// merging and gives the table some room below.
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="` + styleTableEnd + `"><w:name w:val="Table End"/>` +
	`<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>` +
	`<w:rPr><w:sz w:val="12"/><w:szCs w:val="12"/></w:rPr></w:style>` +

	// Signature paragraphs carry no keepNext: LibreOffice turns a table
	// whose paragraphs all keep with the next into one that must not
	// split, pushing it to the next page. The rows' cantSplit is enough.
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="` + styleSigLine + `"><w:name w:val="Signature Line"/>` +
	`<w:basedOn w:val="Normal"/><w:pPr>` +
	`<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>` +
	`<w:spacing w:before="720" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr></w:style>` +

	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="` + styleSigCap + `"><w:name w:val="Signature Caption"/>` +
	`<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="20" w:after="0" w:line="240" w:lineRule="auto"/>` +
	`<w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>` +

	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="` + styleSigText + `"><w:name w:val="Signature Text"/>` +
	`<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="20" w:after="0" w:line="240" w:lineRule="auto"/>` +
	`<w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>` +

	`<w:style w:type="paragraph" w:styleId="` + styleHeader + `"><w:name w:val="header"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="right"/></w:pPr>` +
	`<w:rPr><w:color w:val="595959"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>` +

	`<w:style w:type="paragraph" w:styleId="` + styleFooter + `"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>` +
	`<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>` +

	`</w:styles>`

// stylesXML returns the style sheet; only the language varies.
func stylesXML(lang string) []byte {
	var x xw
	x.raw(stylesHead)
	x.attr("w:val", lang)
	x.attr("w:eastAsia", lang)
	x.raw(stylesTail)
	return x.bytes()
}
