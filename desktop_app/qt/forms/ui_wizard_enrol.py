# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_enrol.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_WizardEnrolPage(object):
    def setupUi(self, WizardEnrolPage):
        if not WizardEnrolPage.objectName():
            WizardEnrolPage.setObjectName(u"WizardEnrolPage")
        self.mainLayout = QVBoxLayout(WizardEnrolPage)
        self.mainLayout.setSpacing(12)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(WizardEnrolPage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.enrolCheck = QCheckBox(WizardEnrolPage)
        self.enrolCheck.setObjectName(u"enrolCheck")

        self.mainLayout.addWidget(self.enrolCheck)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setHorizontalSpacing(16)
        self.formLayout.setVerticalSpacing(10)
        self.urlLabel = QLabel(WizardEnrolPage)
        self.urlLabel.setObjectName(u"urlLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.urlLabel)

        self.urlEdit = QLineEdit(WizardEnrolPage)
        self.urlEdit.setObjectName(u"urlEdit")
        self.urlEdit.setPlaceholderText(u"https://")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.urlEdit)

        self.codeLabel = QLabel(WizardEnrolPage)
        self.codeLabel.setObjectName(u"codeLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(WizardEnrolPage)
        self.codeEdit.setObjectName(u"codeEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.deviceLabel = QLabel(WizardEnrolPage)
        self.deviceLabel.setObjectName(u"deviceLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.deviceLabel)

        self.deviceEdit = QLineEdit(WizardEnrolPage)
        self.deviceEdit.setObjectName(u"deviceEdit")
        self.deviceEdit.setMaxLength(100)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.deviceEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.messageLabel = QLabel(WizardEnrolPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.messageLabel)

        self.bottomSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.urlLabel.setBuddy(self.urlEdit)
        self.codeLabel.setBuddy(self.codeEdit)
        self.deviceLabel.setBuddy(self.deviceEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WizardEnrolPage)

        QMetaObject.connectSlotsByName(WizardEnrolPage)
    # setupUi

    def retranslateUi(self, WizardEnrolPage):
        self.introLabel.setText(QCoreApplication.translate("WizardEnrolPage", u"If your stores share a Frontdesk server, enrol this desk with it: an administrator makes a one-time code on the server. Without a server the desk works on its own; you can enrol it later in Settings.", None))
        self.enrolCheck.setText(QCoreApplication.translate("WizardEnrolPage", u"Enrol this desk with a server now", None))
        self.urlLabel.setText(QCoreApplication.translate("WizardEnrolPage", u"Server address", None))
        self.codeLabel.setText(QCoreApplication.translate("WizardEnrolPage", u"One-time code", None))
        self.deviceLabel.setText(QCoreApplication.translate("WizardEnrolPage", u"Name of this desk", None))
        pass
    # retranslateUi

