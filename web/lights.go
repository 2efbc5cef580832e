package web

import (
	"bytes"
	"fmt"
	"strings"

	"tracker/models"
)

// lightsCSSName is the stylesheet of the lights' colours, served as
// /static/lights.css before app.css.
const lightsCSSName = "lights.css"

// pageGrounds are the backgrounds text in a light's colour stands on: the
// cards, the dashboard's figure boxes and the table headers.
var pageGrounds = []string{"FFFFFF", "F6F8FB", "EEF2F7"}

// lightsCSS is /static/lights.css, generated from models.Light.Colours, the
// palette of the workbooks, so that pages and workbooks show one red, one
// yellow and one green. For each light (green, yellow, red) it defines
// --light-NAME (the fill: badges, bars), --light-NAME-text (text on the
// fill) and --light-NAME-ink (the fill darkened until text in it reads at
// 4.5:1 on every page background: a rate written in its light's colour).
func lightsCSS() []byte {
	var b bytes.Buffer
	b.WriteString("/* generated from models.Light.Colours (web/lights.go): the lights of the workbooks */\n:root {\n")
	for _, l := range models.Lights() {
		fill, text := l.Colours()
		name := strings.TrimPrefix(lightClass(l), "light-")
		fmt.Fprintf(&b, "  --light-%s: #%s;\n  --light-%s-text: #%s;\n  --light-%s-ink: #%s;\n", name, fill, name, text, name, lightInk(fill))
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// lightInk is a light's fill as dark as text on every page background
// needs it.
func lightInk(fill string) string {
	for _, bg := range pageGrounds {
		fill = models.Darken(fill, bg, 4.5)
	}
	return fill
}
