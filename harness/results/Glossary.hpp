// Japanese names of the domain terms the reports show (report.html, compare.html), next to the
// English names of their EnumTables: one table, keyed by (EnumTable id, name). The unit test
// (tests/unit/Glossary.tests.cpp) fails when a value of a listed table has no Japanese name, so a
// new enum value gets its name here. Terms from domain.md §8 where it has them; names marked
// [unsure] in a comment are ours (no source gave the operator's own wording).
//
//   ja("outcome", "denied")        // "拒否"
//   both("outcome", "denied")      // "拒否 denied"
#pragma once

#include <string>
#include <string_view>

namespace linksim {

struct JapaneseName {
  const char* table; ///< an EnumTable id ("outcome", "site_kind", ...), or "hop", "regime", "verdict"
  const char* name;  ///< the English name (as in result.json)
  const char* ja;
};

inline constexpr JapaneseName JAPANESE_NAMES[] = {
    // outcome classes (sim/trace/Oracle.hpp OUTCOMES)
    {"outcome", "correct", "正常"},
    {"outcome", "stale", "旧データ"},          // [unsure] data older than the truth
    {"outcome", "wrong_person", "別人のデータ"}, // [unsure]
    {"outcome", "wrong_version", "版番号不一致"},
    {"outcome", "not_importable", "取込不可"},   // [unsure]
    {"outcome", "null_rule_violation", "ReasonOfNull規則違反"},
    {"outcome", "unentitled", "権限外の受領"},   // [unsure]
    {"outcome", "misdelivered", "誤送付"},
    {"outcome", "denied", "拒否"},
    {"outcome", "no_replica", "副本なし"},
    {"outcome", "timed_out", "タイムアウト"},
    {"outcome", "pending_manual", "手動応答待ち"}, // 自動応答不可設定で保留中
    {"outcome", "unfinished", "未完了"},
    {"outcome", "test_mixed", "試験・本番混在"}, // linkage test: a test person and a real one in one exchange
    {"outcome", "unreachable", "接続不可"}, // [unsure] network faults: the requester could not reach its server
    {"outcome", "wrong_data", "誤った副本の提供"}, // issue 9 case 1: a misregistered replica answered
    // timestamps of an exchange's path (sim/trace/Exchange.hpp TIMESTAMPS)
    {"timestamp", "issued", "既存システム照会"},
    {"timestamp", "rq_req_in", "照会側中間サーバー受信"},
    {"timestamp", "rq_req_out", "照会側中間サーバー送信"},
    {"timestamp", "hub_req_in", "NWS受信（照会）"},
    {"timestamp", "hub_req_out", "NWS送信（提供の求め）"},
    {"timestamp", "pv_req_in", "提供側中間サーバー受信"},
    {"timestamp", "pv_req_out", "副本検索・手動応答へ"},
    {"timestamp", "pv_resp_in", "回答作成"},
    {"timestamp", "pv_resp_out", "提供側中間サーバー送信"},
    {"timestamp", "hub_resp_in", "NWS受信（回答）"},
    {"timestamp", "hub_resp_out", "NWS送信（回答）"},
    {"timestamp", "rq_resp_in", "照会側中間サーバー受信（回答）"},
    {"timestamp", "rq_resp_out", "既存システムへ引渡し"},
    {"timestamp", "fetched", "既存システム取得"},
    // hops (sim/trace/Hops.hpp HOPS)
    {"hop", "es_to_req_ims", "既存システム→照会側中間サーバー"},
    {"hop", "req_ims_request", "照会側中間サーバー（符号取得を含む）"},
    {"hop", "req_ims_to_hub", "照会側中間サーバー→NWS"},
    {"hop", "hub_request", "NWS（許可確認・符号変換）"},
    {"hop", "hub_to_prov_ims", "NWS→提供側中間サーバー"},
    {"hop", "prov_ims", "提供側中間サーバー（副本検索）"},
    {"hop", "prov_ims_to_hub", "提供側中間サーバー→NWS"},
    {"hop", "hub_response", "NWS（回答中継）"},
    {"hop", "hub_to_req_ims", "NWS→照会側中間サーバー"},
    {"hop", "req_ims_response", "照会側中間サーバー（回答）"},
    {"hop", "req_ims_to_es", "照会側中間サーバー→既存システム"},
    // site kinds (sim/scenario/Network.hpp SITE_KINDS)
    {"site_kind", "hub", "情報提供ネットワークシステム"},
    {"site_kind", "jlis", "J-LIS（住基ネット）"},
    {"site_kind", "lg_platform", "自治体中間サーバー・プラットフォーム"},
    {"site_kind", "insurer_server", "医療保険者等向け中間サーバー"},
    {"site_kind", "dedicated_server", "専用中間サーバー"}, // [unsure] a national body's own server
    // agency kinds (sim/scenario/Agencies.hpp AGENCY_KINDS)
    {"agency_kind", "municipality", "市区町村"},
    {"agency_kind", "prefecture", "都道府県"},
    {"agency_kind", "national_body", "国の機関等"}, // [unsure] 日本年金機構, JASSO, 共済 ...
    {"agency_kind", "insurer", "医療保険者"},
    {"agency_kind", "connectivity_tool", "業務疎通確認ツール"},
    // query modes (sim/scenario/Workload.hpp MODES)
    {"mode", "immediate", "即時照会"},
    {"mode", "batch", "一括照会"},
    // check kinds and verdicts
    {"check_kind", "correctness", "正確性"},
    {"check_kind", "latency", "応答時間"},
    {"verdict", "pass", "合格"},
    {"verdict", "fail", "不合格"},
    {"verdict", "inconclusive", "判定不能"},
    // why a request was refused (sim/scenario/Revisions.hpp DENY_REASONS)
    {"deny_reason", "not_permitted", "許可なし（別表第二・マスター外）"},
    {"deny_reason", "no_delegation", "委任未登録"},
    {"deny_reason", "server_master", "マスター未配信"},
    // changes applied during the run (sim/scenario/Timeline.hpp TIMELINE_CHANGES)
    {"timeline_change", "permission_from", "許可の適用開始"},
    {"timeline_change", "permission_until", "許可の適用終了"},
    {"timeline_change", "master_rows", "配信マスターの差異"},
    {"timeline_change", "master_rows_end", "配信マスターの差異解消"},
    {"timeline_change", "manual_answer_on", "自動応答不可設定"},
    {"timeline_change", "manual_answer_off", "自動応答不可解除"},
    {"timeline_change", "registration_fault", "副本登録障害"},
    {"timeline_change", "registration_fault_end", "副本登録障害終了"},
    {"timeline_change", "distribution_fault", "マスター配信障害"},
    {"timeline_change", "distribution_fault_end", "マスター配信障害終了"},
    // network and host faults (issue 9)
    {"timeline_change", "link_down", "回線断"},
    {"timeline_change", "link_down_end", "回線復旧"},
    {"timeline_change", "link_degraded", "回線品質低下"},            // [unsure]
    {"timeline_change", "link_degraded_end", "回線品質回復"},        // [unsure]
    {"timeline_change", "host_down", "サーバー停止"},
    {"timeline_change", "host_down_end", "サーバー復旧"},
    {"timeline_change", "planned_outage", "計画停止"},
    {"timeline_change", "planned_outage_end", "計画停止終了"},
    {"timeline_change", "vpn_fault", "VPN装置障害"},
    {"timeline_change", "vpn_fault_end", "VPN装置復旧"},
    {"timeline_change", "manual_answer_refused", "自動応答不可設定不能"}, // [unsure] seed case 4
    // issue 9, incidents (cases 2 and 3)
    {"timeline_change", "resident_code_error", "住基事務処理誤り（住民票コード誤付番）"},
    {"timeline_change", "resident_code_fixed", "住民票コードの修正"},
    {"timeline_change", "resident_code_deleted", "住民票コードの物理削除"},
    {"timeline_change", "codes_reacquired", "機関別符号の再取得"},
    {"timeline_change", "number_swap", "個人番号と内部番号のひも付け誤り"},
    {"timeline_change", "number_swap_end", "ひも付け誤りの修正"},
    {"outcome", "code_deleted", "符号削除済み"}, // [unsure] the hub finds no linkage code (連携用符号削除)
    {"timeline_change", "replica_misregistration", "副本登録誤り"}, // issue 9 case 1
    // response actions (issue 9; sim/scenario/Incidents.hpp RESPONSE_ACTIONS)
    {"response_action", "judge_level", "インシデントレベル判定"},
    {"response_action", "self_restraint_on", "自動応答不可設定"},
    {"response_action", "phone_operator", "運営主体への電話連絡"},
    {"response_action", "report_initial", "様式03-13 第一報"},
    {"response_action", "report_interim", "様式03-13 中間報告"},
    {"response_action", "report_final", "様式03-13 完了報告"},
    {"response_action", "post_sharing_site", "情報共有サイトへの掲載"},
    {"response_action", "fix_replicas", "副本の再登録"},
    {"response_action", "annotate", "記録の追記"},
    {"response_action", "self_restraint_off", "自動応答不可解除"},
    // test regimes (domain.md §5; sim/scenario/TestCases.hpp REGIMES)
    {"regime", "production", "本番環境"},
    {"regime", "interagency", "機関間試験"},
    {"regime", "linkage", "情報連携試験"},
    // test-case grades (IHE Gazelle)
    {"case_verdict", "verified", "検証済み"},
    {"case_verdict", "partially_verified", "一部検証"},
    {"case_verdict", "failed", "失敗"},
    {"case_verdict", "not_run", "未実施"},
    // issue 9: connection restriction (domain.md §6: 接続規制)
    {"outcome", "restricted", "接続規制"},
    {"deny_reason", "restricted", "接続規制"},
    {"timeline_change", "connection_restriction", "接続規制"},
    {"timeline_change", "connection_restriction_end", "接続規制解除"}, // [unsure]
};

/// The Japanese name of a term, or "" when the table has none.
inline const char* ja(std::string_view table, std::string_view name)
{
  for (const auto& n : JAPANESE_NAMES)
    if (table == n.table && name == n.name)
      return n.ja;
  return "";
}

/// "日本語 english" (just the English name when there is no Japanese one).
inline std::string both(std::string_view table, std::string_view name)
{
  const char* j = ja(table, name);
  return *j ? std::string(j) + " " + std::string(name) : std::string(name);
}

} // namespace linksim
