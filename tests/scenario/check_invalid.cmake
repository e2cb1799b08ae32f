# Validates one invalid scenario: exit code 4 and a message naming the file and the JSON pointer.
# NAMED is the file the message must name: FILE itself, or a base it extends where the error is.
# Every line of the output is a message of its own (a value echoed into one cannot break or forge a line).
execute_process(COMMAND ${LINKSIM} validate ${FILE} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code STREQUAL "4")
  message(FATAL_ERROR "linksim validate ${FILE}: exit ${code}, expected 4\n${out}\n${err}")
endif()
string(FIND "${err}" "error: ${NAMED}: ${POINTER}: " at)
if(at EQUAL -1)
  message(FATAL_ERROR "stderr does not name the file and pointer \"error: ${NAMED}: ${POINTER}: \":\n${err}")
endif()
string(FIND "${err}" "${SUBSTRING}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "stderr does not say \"${SUBSTRING}\":\n${err}")
endif()
if(NOT err MATCHES "^((error|warning): [^\n]*\n)+$")
  message(FATAL_ERROR "a line of stderr is not a message of its own (\"error: ...\"):\n${err}")
endif()
