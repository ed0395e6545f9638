package main

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"
	"github.com/vereinbar/vereinbar/generator"
)

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Version anzeigen",
		Args:  exactArgs(0, "keine Argumente"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "vereinbar %s (%s, %s/%s)\n", generator.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return err
		},
	}
}
