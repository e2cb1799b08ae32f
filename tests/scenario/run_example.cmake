# Runs one shipped scenario as a user would (summary printed, not --quiet) and checks its exit code (ctest: "example: ...").
execute_process(COMMAND ${LINKSIM} run ${SCENARIO} --out ${OUT}
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code STREQUAL "${EXPECT}")
  message(FATAL_ERROR "linksim run ${SCENARIO}: exit ${code}, expected ${EXPECT}\n${out}\n${err}")
endif()
foreach(f result.json exchanges.csv junit.xml report.html)
  if(NOT EXISTS ${OUT}/${f})
    message(FATAL_ERROR "${OUT}/${f} was not written")
  endif()
endforeach()
