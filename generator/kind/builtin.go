package kind

// Builtins declares vereinbar's own kinds, in the order a project's
// documents are written: a new built-in kind is declared in a file of its
// own and listed here once.
func Builtins() []Kind {
	return []Kind{Vereinbarung(), Abruf(), Beschreibung(), Steckbrief(), Projektplan(), Anschreiben(), Beitrittserklaerung(), Beitrittsmitteilung(), Kuendigung(), Zahlungsplan()}
}
