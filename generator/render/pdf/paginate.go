package pdf

// page is the drawing operations of one page, in page coordinates.
type page struct {
	ops []op
}

// paginate places the vitems on pages. An item goes to a new page when it
// and the items it is kept with do not fit below what is already there;
// a chain taller than a page is broken where it must. Space before an
// item is dropped at the top of a page. When a table continues on a new
// page, its header rows are placed first.
func (l *layout) paginate() []page {
	top, bottom := l.page.margin, l.page.margin+l.bodyH
	// The pages' operations share one array (it grows only when table
	// headers repeat); each page is a full slice expression of it, so an
	// append to one page cannot reach the next.
	n := 0
	for _, it := range l.items {
		n += len(it.ops)
	}
	all := make([]op, 0, n)
	var pages []page
	first := 0 // the current page's first operation in all
	y, pending, empty := top, 0.0, true
	endPage := func() page {
		p := page{ops: all[first:len(all):len(all)]}
		first = len(all)
		return p
	}
	newPage := func() {
		pages = append(pages, endPage())
		y, pending, empty = top, 0, true
	}
	place := func(it *vitem) {
		if !empty {
			y += pending + it.before
		}
		for _, o := range it.ops {
			o.y += y
			all = append(all, o)
		}
		y += it.h
		pending, empty = it.after, false
	}
	for i, it := range l.items {
		if it.pageBreak {
			if !empty {
				newPage()
			}
			continue
		}
		if !empty && y+pending+l.chain(i) > bottom {
			newPage()
		}
		if empty && it.table != nil {
			for _, h := range it.table.header {
				place(h)
			}
		}
		place(it)
	}
	return append(pages, endPage())
}

// chain returns the height of item i, with its space before, and of the
// items kept with it. If they cannot share a page anyway, only the hard
// keeps count (a heading stays with the line after it, see
// vitem.keepHard), and if even those do not fit, only item i.
func (l *layout) chain(i int) float64 {
	if h := l.chainOf(i, false); h <= l.bodyH {
		return h
	}
	if h := l.chainOf(i, true); h <= l.bodyH {
		return h
	}
	return l.items[i].before + l.items[i].h
}

// chainOf returns the height of item i and the items kept with it: all
// of them, or with hard only those after a hard keep.
func (l *layout) chainOf(i int, hard bool) float64 {
	items := l.items
	h := items[i].before + items[i].h
	for j := i; items[j].keepNext && (!hard || items[j].keepHard) && j+1 < len(items) && !items[j+1].pageBreak; j++ {
		h += items[j].after + items[j+1].before + items[j+1].h
	}
	return h
}
