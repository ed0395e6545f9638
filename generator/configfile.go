package generator

import "strings"

// isConfigFile reports whether a file found in an input directory is a
// configuration file (config.yaml, as config.DefaultFile, or config.yml,
// in any case) rather than a project file: a project folder often holds
// its config.yaml next to the project files, and generate and check must
// not read it as one. A file named on the command line is taken as given.
// The name is not imported from package config, so the facade does not
// depend on the settings package and viper.
func isConfigFile(name string) bool {
	n := strings.ToLower(name)
	return n == "config.yaml" || n == "config.yml"
}
