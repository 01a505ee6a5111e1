/* Tab completion for the `:` line: command names, then each command's argument
 * choices (from the command table) and values (environments, projects, people). */
#ifndef VIEWS_COMMAND_COMPLETE_H
#define VIEWS_COMMAND_COMPLETE_H

/* A prompt completer (tui/prompt.h): offers whole lines ("sort freq") for the line
 * typed so far; app is the struct app. */
void command_complete(void *app, const char *line);

#endif
