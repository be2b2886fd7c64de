"""A court's register of applications and its cover letter as DOCX, and the ZIP a court takes (plain data in, bytes
out; the register model gathers the data). Text is Russian: these are documents for the court."""
import io
import zipfile

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from .court_application_docx import money


def _document():
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    return doc


def _bytes(doc):
    stream = io.BytesIO()
    doc.save(stream)
    return stream.getvalue()


def register(data):
    """``data``: number, date, court, claimant, rows [(debtor, account, periods, amount, duty)], total, duty_total."""
    doc = _document()
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("РЕЕСТР № %s от %s\nзаявлений о выдаче судебных приказов" % (data["number"], data["date"])).bold = True
    doc.add_paragraph("Суд: %s" % data["court"])
    doc.add_paragraph("Взыскатель: %s" % data["claimant"])
    table = doc.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("№ п/п", "Должник", "Лицевой счёт", "Период задолженности",
                                                "Сумма требования, руб.", "Госпошлина, руб.")):
        cell.text = text
    for number, (debtor, account, periods, amount, duty) in enumerate(data["rows"], 1):
        cells = table.add_row().cells
        for cell, text in zip(cells, (str(number), debtor, account, periods, money(amount), money(duty))):
            cell.text = text
    cells = table.add_row().cells
    cells[1].text, cells[4].text, cells[5].text = "Итого: %d" % len(data["rows"]), money(data["total"]), \
        money(data["duty_total"])
    doc.add_paragraph("\n%s ____________________" % data["signer"])
    return _bytes(doc)


def cover_letter(data):
    """The cover letter of a register: to the court, the number of applications, the register, the signer."""
    doc = _document()
    for text in (data["court"], data.get("court_address") or ""):
        if text:
            doc.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph("Исх. № %s от %s" % (data["number"], data["date"]))
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("СОПРОВОДИТЕЛЬНОЕ ПИСЬМО").bold = True
    doc.add_paragraph(
        "%s направляет %d заявлений о выдаче судебных приказов о взыскании задолженности по оплате коммунальных "
        "услуг на общую сумму %s руб. согласно реестру № %s от %s. Государственная пошлина уплачена в сумме %s руб."
        % (data["claimant"], len(data["rows"]), money(data["total"]), data["number"], data["date"],
           money(data["duty_total"])))
    doc.add_paragraph("Приложение: реестр № %s; заявления с приложенными документами — %d шт."
                      % (data["number"], len(data["rows"])))
    doc.add_paragraph("\n%s ____________________" % data["signer"])
    return _bytes(doc)


def zip_bytes(files):
    """A ZIP of ``files`` [(name, bytes)], names kept in Cyrillic (UTF-8 flag)."""
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files:
            archive.writestr(name, content)
    return stream.getvalue()
