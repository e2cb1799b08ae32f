# Runs tests/schema/check_schema.py over every shipped scenario.
file(GLOB files ${SRC}/scenarios/*.json)
execute_process(COMMAND ${PYTHON} ${SRC}/tests/schema/check_schema.py ${SRC}/scenarios/schema/scenario.schema.json ${files}
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code STREQUAL "0")
  message(FATAL_ERROR "schema check failed (exit ${code}):\n${out}\n${err}")
endif()
message("${out}")
