package main

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"
	"github.com/vereinbar/vereinbar/generator"
)

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:               "version",
		Short:             "Version anzeigen",
		Args:              exactArgs(0, "keine Argumente"),
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintln(cmd.OutOrStdout(), versionLine())
			return err
		},
	}
}

// versionLine is what `vereinbar version` and `vereinbar --version` print.
func versionLine() string {
	return fmt.Sprintf("vereinbar %s (%s, %s/%s)", generator.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
