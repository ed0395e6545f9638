package main

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
)

// cancellable is the annotation of a command that stops in order when its
// context is cancelled (generate). Every other command ends at once on
// SIGINT or SIGTERM, as a program does by default.
const cancellable = "abbrechbar"

// errInterrupted ends a command that stopped on SIGINT or SIGTERM.
var errInterrupted = errors.New("abgebrochen")

// interrupts turns SIGINT and SIGTERM into a cancelled context from the
// first line of run on, so a Ctrl-C while the command line is parsed, the
// configuration read or the templates loaded is not lost (generate used to
// install its handler only when the batch began, and a Ctrl-C before that
// killed the process).
type interrupts struct {
	ctx    context.Context
	cancel context.CancelFunc
	ch     chan os.Signal
	quit   chan struct{} // closed by release
	done   chan struct{} // closed when the relay has ended
	caught atomic.Bool
	once   sync.Once
}

// catchInterrupts starts catching SIGINT and SIGTERM.
func catchInterrupts() *interrupts {
	ctx, cancel := context.WithCancel(context.Background())
	in := &interrupts{ctx: ctx, cancel: cancel, ch: make(chan os.Signal, 1), quit: make(chan struct{}), done: make(chan struct{})}
	signal.Notify(in.ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		defer close(in.done)
		select {
		case <-in.ch:
			in.caught.Store(true)
			cancel()
		case <-in.quit:
		}
	}()
	return in
}

// release stops catching, so the signals have their default effect again
// (the process ends), and reports whether one was caught before.
func (in *interrupts) release() (caught bool) {
	in.once.Do(func() {
		signal.Stop(in.ch)
		close(in.quit)
		<-in.done
		// No signal enters the channel after Stop; one the relay did
		// not take is still there.
		if len(in.ch) > 0 {
			in.caught.Store(true)
		}
	})
	return in.caught.Load()
}

// stop releases the signals and the context.
func (in *interrupts) stop() {
	in.release()
	in.cancel()
}
