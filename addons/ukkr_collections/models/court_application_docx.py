"""The application for a court order (заявление о выдаче судебного приказа) as a DOCX document.

``build(data)`` takes plain data (no ORM) and returns the document's bytes; the court case gathers the data.
Text is Russian: it is a court document, not the interface.
"""
import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt


def money(value):
    if isinstance(value, str):   # a template's field, kept as written
        return value
    return "{:,.2f}".format(value or 0.0).replace(",", " ").replace(".", ",")


def court_heading(court):
    """«Мировому судье …» as written; any other court name after «В»."""
    return court if court.lower().startswith(("мировому", "в ")) else "В %s" % court


def default_template(kind):
    """The suite's layout as a docxtpl template: every value a field ({{ court }}, {{ debtor.name }}, …), the debt
    by period a row loop, the attachments a paragraph loop — what «Download the default» gives the lawyers."""
    field = "{{ %s }}".__mod__
    data = {"court": field("court"), "court_heading": field("court_heading"), "court_address": field("court_address"),
            "claimant": {"name": field("claimant.name"), "address": field("claimant.address"),
                         "inn": field("claimant.inn"), "ogrn": field("claimant.ogrn")},
            "debtor": {"name": field("debtor.name"), "address": field("debtor.address"),
                       "account": field("debtor.account")},
            "debtor_text": field("debtor_block"),
            "lines": [("{%tr for line in lines %}", "", "", ""),
                      (field("line[0]"), field("line[1]"), field("money(line[2])"), field("money(line[3])")),
                      ("{%tr endfor %}", "", "", "")],
            "principal": field("money(principal)"), "penalty": field("money(penalty)"),
            "claim": field("money(claim)"), "duty": field("money(duty)"), "duty_credit": "",
            "duty_to_pay": field("money(duty_to_pay)"), "duty_payment_doc": field("duty_payment_doc"),
            "penalty_date": field("penalty_date"), "date": field("date"), "signer": field("signer"), "kind": kind,
            "title": "Заявление о выдаче судебного приказа" if kind == "court_order"
            else "Исковое заявление о взыскании задолженности",
            "attachments": [], "attachments_raw": ["{%p for text in attachments %}", "{{ loop.index }}. {{ text }}",
                                                   "{%p endfor %}"]}
    return build(data)


def debtor_block(debtor):
    """The debtor as ГПК 124 ч.2 п.3 names him: a citizen — name, date and place of birth, residence, one
    identifier (or the claimant's statement that none is known); an organisation — name, address, ИНН/ОГРН."""
    lines = ["Должник: %s" % debtor["name"]]
    if debtor.get("payer_kind", "individual") == "individual":
        lines.append("дата рождения: %s, место рождения: %s" % (debtor.get("birthdate") or "неизвестна",
                                                                debtor.get("birth_place") or "неизвестно"))
        lines.append("место жительства: %s" % debtor["address"])
        if debtor.get("identifier"):
            lines.append("%s: %s" % debtor["identifier"])
        elif debtor.get("identifier_unknown"):
            lines.append("идентификаторы должника (СНИЛС, ИНН, паспорт, водительское удостоверение) взыскателю "
                         "неизвестны")
    else:
        lines.append("адрес: %s" % debtor["address"])
        if debtor.get("identifier") and debtor["identifier"][0] == "ИНН":
            lines.append("ИНН %s" % debtor["identifier"][1])
        if debtor.get("ogrn"):
            lines.append("%s %s" % ("ОГРНИП" if len(debtor["ogrn"]) == 15 else "ОГРН", debtor["ogrn"]))
    lines.append("лицевой счёт № %s" % debtor["account"])
    return "\n".join(lines)


def build(data):
    """``data``: court, court_address, claimant (name, address, inn, ogrn), debtor (name, address, account,
    payer_kind, birthdate, birth_place, identifier (label, number) or None, identifier_unknown, ogrn), lines [(period, due,
    principal, penalty)], principal, penalty, claim, duty, duty_credit, duty_to_pay, penalty_date, date, title,
    kind ('court_order' or 'claim'), attachments [text], signer."""
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)

    def right(text):
        paragraph = doc.add_paragraph(text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        return paragraph

    right(data.get("court_heading") or court_heading(data["court"]))
    if data.get("court_address"):
        right(data["court_address"])
    claimant = data["claimant"]
    right("Взыскатель: %s\nместо нахождения: %s\nИНН %s, ОГРН %s" % (
        claimant["name"], claimant["address"] or "", claimant["inn"], claimant["ogrn"]))
    right(data["debtor_text"] if "debtor_text" in data else debtor_block(data["debtor"]))
    right("Сумма требования: %s руб.\nГосударственная пошлина: %s руб." % (money(data["claim"]),
                                                                           money(data["duty_to_pay"])))
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(data["title"].upper())
    run.bold = True
    doc.add_paragraph(
        "Должник пользуется коммунальными услугами, предоставляемыми взыскателем, по адресу: %s (лицевой счёт "
        "№ %s), и в нарушение ст. 153, 155 Жилищного кодекса РФ не вносит плату за них в установленный срок. "
        "Задолженность по основному долгу составляет %s руб. За просрочку начислены пени по ч. 14 ст. 155 ЖК РФ "
        "по %s в сумме %s руб. Расчёт задолженности и пеней приведён ниже."
        % (data["debtor"]["address"], data["debtor"]["account"], money(data["principal"]), data["penalty_date"],
           money(data["penalty"])))
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Период", "Срок оплаты", "Основной долг, руб.", "Пени, руб.")):
        cell.text = text
    for period, due, principal, penalty in data["lines"]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text, cells[3].text = period, due, money(principal), money(penalty)
    cells = table.add_row().cells
    cells[0].text, cells[2].text, cells[3].text = "Итого", money(data["principal"]), money(data["penalty"])
    duty_text = "Государственная пошлина по ст. 333.19 НК РФ составляет %s руб." % money(data["duty"])
    if data.get("duty_payment_doc"):
        duty_text += " Уплачена: %s." % data["duty_payment_doc"]
    if data.get("duty_credit"):
        duty_text += (" В её уплату засчитывается пошлина %s руб., уплаченная за выдачу отменённого судебного "
                      "приказа (пп. 13 п. 1 ст. 333.20, ст. 333.40 НК РФ); к доплате %s руб."
                      % (money(data["duty_credit"]), money(data["duty_to_pay"])))
    doc.add_paragraph(duty_text)
    if data["kind"] == "court_order":
        doc.add_paragraph("Требование основано на ст. 122 ГПК РФ, бесспорно и не превышает установленного "
                          "ст. 121 ГПК РФ предела. На основании изложенного, руководствуясь ст. 121–124 ГПК РФ,")
        doc.add_paragraph("ПРОШУ:").runs[0].bold = True
        doc.add_paragraph("Выдать судебный приказ о взыскании с должника в пользу взыскателя задолженности по "
                          "оплате коммунальных услуг %s руб., пеней %s руб., всего %s руб., а также расходов по "
                          "уплате государственной пошлины %s руб."
                          % (money(data["principal"]), money(data["penalty"]), money(data["claim"]),
                             money(data["duty"])))
    else:
        doc.add_paragraph("На основании изложенного, руководствуясь ст. 131, 132 ГПК РФ,")
        doc.add_paragraph("ПРОШУ:").runs[0].bold = True
        doc.add_paragraph("Взыскать с ответчика задолженность %s руб., пени %s руб., всего %s руб., и расходы по "
                          "государственной пошлине %s руб." % (money(data["principal"]), money(data["penalty"]),
                                                               money(data["claim"]), money(data["duty"])))
    doc.add_paragraph("Приложения:")
    if data.get("attachments_raw"):
        for text in data["attachments_raw"]:
            doc.add_paragraph(text)
    for number, text in enumerate(data["attachments"], 1):
        doc.add_paragraph("%d. %s" % (number, text))
    doc.add_paragraph("%s\n\n%s ____________________" % (data["date"], data["signer"]))
    stream = io.BytesIO()
    doc.save(stream)
    return stream.getvalue()


def build_tenancy_claim(data):
    """The municipality's claim as landlord: eviction of a social tenant with other premises (ЖК 90) or termination
    of a commercial tenancy and eviction (ГК 687). ``data``: kind, court, landlord (name, address, inn, ogrn), tenant
    (name, address, account, birthdate, birth_place, identifier, residents, area), months, debt, offered_address,
    offered_area, date, signer."""
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)

    def right(text):
        doc.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    landlord, tenant = data["landlord"], data["tenant"]
    right("В %s" % data["court"])
    right("Истец: %s (наймодатель)\nместо нахождения: %s\nИНН %s, ОГРН %s"
          % (landlord["name"], landlord["address"], landlord["inn"] or "____________", landlord["ogrn"] or
             "____________"))
    lines = ["Ответчик: %s" % tenant["name"],
             "дата рождения: %s, место рождения: %s" % (tenant["birthdate"] or "____________",
                                                        tenant["birth_place"] or "____________"),
             "место жительства: %s" % tenant["address"]]
    lines.append("%s: %s" % tenant["identifier"] if tenant.get("identifier") else
                 "идентификатор (СНИЛС, ИНН, паспорт, водительское удостоверение): ____________")
    right("\n".join(lines))
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if data["kind"] == "eviction_social":
        title.add_run("ИСКОВОЕ ЗАЯВЛЕНИЕ\nо выселении из жилого помещения, занимаемого по договору социального "
                      "найма, с предоставлением другого жилого помещения").bold = True
        doc.add_paragraph(
            "Ответчик занимает жилое помещение муниципального жилищного фонда по адресу: %s (лицевой счёт № %s, "
            "общая площадь %s м², проживают %d чел.) по договору социального найма. Плата за жилое помещение и "
            "коммунальные услуги не вносится без уважительных причин более шести месяцев: %d мес.; задолженность "
            "составляет %s руб."
            % (tenant["address"], tenant["account"], ("%g" % (tenant["area"] or 0)).replace(".", ","),
               tenant["residents"] or 0, data["months"], money(data["debt"])))
        doc.add_paragraph(
            "В соответствии со статьёй 90 Жилищного кодекса РФ ответчику предоставляется другое жилое помещение по "
            "договору социального найма по адресу: %s, жилой площадью %s м², что соответствует размеру жилого "
            "помещения на одного человека для вселения граждан в общежитие (ст. 105 ЖК РФ)."
            % (data["offered_address"], ("%g" % data["offered_area"]).replace(".", ",")))
        doc.add_paragraph("На основании изложенного, руководствуясь ст. 90 ЖК РФ, ст. 131, 132 ГПК РФ,")
        doc.add_paragraph("ПРОШУ:").runs[0].bold = True
        doc.add_paragraph("Выселить ответчика и проживающих с ним лиц из жилого помещения по адресу: %s с "
                          "предоставлением другого жилого помещения по договору социального найма по адресу: %s."
                          % (tenant["address"], data["offered_address"]))
    else:
        title.add_run("ИСКОВОЕ ЗАЯВЛЕНИЕ\nо расторжении договора коммерческого найма жилого помещения и "
                      "выселении").bold = True
        doc.add_paragraph(
            "Ответчик занимает жилое помещение муниципального жилищного фонда по адресу: %s (лицевой счёт № %s) по "
            "договору коммерческого найма. Плата за жилое помещение не вносится %d мес.; задолженность составляет "
            "%s руб. Согласно п. 1 ч. 2 ст. 687 ГК РФ договор может быть расторгнут в судебном порядке по требованию "
            "наймодателя в случае невнесения нанимателем платы за жилое помещение за шесть месяцев."
            % (tenant["address"], tenant["account"], data["months"], money(data["debt"])))
        doc.add_paragraph("На основании изложенного, руководствуясь ст. 687, 688 ГК РФ, ст. 131, 132 ГПК РФ,")
        doc.add_paragraph("ПРОШУ:").runs[0].bold = True
        doc.add_paragraph("Расторгнуть договор коммерческого найма жилого помещения по адресу: %s и выселить "
                          "ответчика и проживающих с ним лиц из указанного жилого помещения." % tenant["address"])
    doc.add_paragraph("Приложения:")
    for number, text in enumerate(("Копия договора найма жилого помещения.",
                                   "Выписка из лицевого счёта № %s (начисления и оплаты)." % tenant["account"],
                                   "Расчёт задолженности.", "Предупреждение нанимателю о задолженности.",
                                   "Копия искового заявления для ответчика."), 1):
        doc.add_paragraph("%d. %s" % (number, text))
    doc.add_paragraph("%s\n\n%s ____________________" % (data["date"], data["signer"]))
    stream = io.BytesIO()
    doc.save(stream)
    return stream.getvalue()


def read_text(content):
    """All text of a DOCX (paragraphs and table cells), for checks."""
    doc = Document(io.BytesIO(content))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)
