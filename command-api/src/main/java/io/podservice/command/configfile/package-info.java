/**
 * Config files (JD Cloud's configFile): named sets of files of an account in a region that pods
 * mount as volumes. The {@code ConfigFile} aggregate, its rules ({@code ConfigFiles}), the index of
 * names, contents and uses, and the node-only endpoint the workers read contents from.
 */
package io.podservice.command.configfile;
